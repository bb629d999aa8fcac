import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import EmailLog from '#models/email_log'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { lastDeliveredTo } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'
import { trustProxies } from '#tests/support/proxies'
import { recordQueries } from '#tests/support/queries'

/*
| "Forgot password" and "sign up" make Loupe send email and could tell whether an
| address has an account: both are throttled, and answer alike, in content and in time.
*/
test.group('Forgot password and sign-up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())
  group.each.setup(() => trustProxies('127.0.0.1/8, ::1'))

  const forgot = (client: ApiClient, email: string, ip = '203.0.113.10') =>
    client.post('/forgot-password').form({ email }).header('x-forwarded-for', ip).withCsrfToken().redirects(0)

  const signup = (client: ApiClient, email: string, ip = '203.0.113.10') =>
    client
      .post('/signup')
      .form({ firstName: 'Robin', lastName: 'Stone', email, password: 'violet guitar on the roof', password_confirmation: 'violet guitar on the roof' })
      .header('x-forwarded-for', ip)
      .withCsrfToken()
      .redirects(0)

  test('30 reset requests from one address: refused past 10 an hour, and the account gets 3 emails at most', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const statuses: number[] = []
    for (let n = 0; n < 30; n++) statuses.push((await forgot(client, user.email!)).status())
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303))
    assert.deepEqual(statuses.slice(10), Array(20).fill(429))
    const blocked = await forgot(client, user.email!)
    assert.isAbove(Number(blocked.header('retry-after')), 0)

    await new JobWorker().drain()
    assert.equal(lastDeliveredTo(user.email!).subject, 'Reset your Loupe password')
    const { default: UserToken } = await import('#models/user_token')
    assert.lengthOf(await UserToken.query().where('userId', user.id), 3)
  })

  test('requests from many addresses still send one account 3 resets an hour at most', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let n = 1; n <= 8; n++) (await forgot(client, user.email!, `198.51.100.${n}`)).assertStatus(303)
    await new JobWorker().drain()
    const { default: UserToken } = await import('#models/user_token')
    assert.lengthOf(await UserToken.query().where('userId', user.id), 3)
  })

  test('sign-up is refused past 10 an hour from one address', async ({ client }) => {
    for (let n = 0; n < 10; n++) (await signup(client, `new${n}@example.com`)).assertStatus(303)
    const refused = await signup(client, 'new10@example.com')
    refused.assertStatus(429)
  })

  test('"forgot password" does the same work for an unknown address as for an account, and sends no mail while answering', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const known = await work(() => forgot(client, user.email!, '198.51.100.1'))
    const unknown = await work(() => forgot(client, 'nobody@example.com', '198.51.100.2'))
    assert.deepEqual(unknown.answer, known.answer.replace(user.email!, 'nobody@example.com'))
    assert.isTrue(known.sql.some((sql) => /insert into [`"]?jobs/.test(sql)), 'the email is queued')
    assert.deepEqual(unknown.sql, known.sql)
    assert.equal(known.mailsDuringRequest, 0)

    await new JobWorker().drain()
    assert.equal(lastDeliveredTo(user.email!).subject, 'Reset your Loupe password')
  })

  test('sign-up answers the same for an address with an account, hashes the password either way, and mails off the request', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const taken = await work(() => signup(client, user.email!, '198.51.100.1'))
    const fresh = await work(() => signup(client, 'fresh@example.com', '198.51.100.2'))
    assert.equal(fresh.answer, taken.answer.replace(user.email!, 'fresh@example.com'))
    assert.equal(taken.hashes, 1)
    assert.equal(fresh.hashes, 1)
    assert.equal(taken.mailsDuringRequest + fresh.mailsDuringRequest, 0)

    await new JobWorker().drain()
    assert.equal(lastDeliveredTo(user.email!).subject, 'You already have a Loupe account')
    assert.equal(lastDeliveredTo('fresh@example.com').subject, 'Confirm your email address')
  })
})

/** What a request answered (status, location, flash), the SQL it ran, the passwords it hashed and the mails it sent. */
async function work(request: () => Promise<ApiResponse>) {
  const scrypt = hash.use('scrypt')
  const make = scrypt.make
  let hashes = 0
  scrypt.make = (value: string) => {
    hashes++
    return make.call(scrypt, value)
  }
  const queries = recordQueries()
  const mailsBefore = await EmailLog.query().count('* as total')
  try {
    const response = await request()
    const mailsAfter = await EmailLog.query().count('* as total')
    const answer = JSON.stringify([response.status(), response.header('location'), response.flashMessages()])
    return { answer, sql: queries.sql, hashes, mailsDuringRequest: Number(mailsAfter[0].$extras.total) - Number(mailsBefore[0].$extras.total) }
  } finally {
    queries.stop()
    scrypt.make = make
  }
}
