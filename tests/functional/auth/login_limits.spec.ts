import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { accountFailures, recordFailedLogin } from '#services/auth/login_throttle'
import { JobWorker } from '#services/jobs/worker'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'
import { trustProxies } from '#tests/support/proxies'

/*
| Limits that slow attackers without locking the owner out. Requests come from distinct
| client addresses through a trusted proxy (X-Forwarded-For), as behind the studio's proxy.
*/
test.group('Login limits per account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())
  group.each.setup(() => trustProxies('127.0.0.1/8, ::1'))

  const signIn = (client: ApiClient, ip: string, email: string, password: string) =>
    client.post('/login').form({ email, password }).header('x-forwarded-for', ip).withCsrfToken().redirects(0)

  test('five addresses hammering an admin do not lock the admin out: an emailed link gets them in', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    for (let n = 1; n <= 100; n++) await recordFailedLogin(admin.email!, `203.0.113.${(n % 5) + 1}`)

    const owner = await signIn(client, '198.51.100.20', admin.email!, FACTORY_PASSWORD)
    assert.notInclude(owner.text(), 'Try again in')
    owner.assertStatus(429)
    owner.assertTextIncludes('Email me a sign-in link')

    const asked = await client.post('/login/links').form({ email: admin.email }).header('x-forwarded-for', '198.51.100.20').withCsrfToken().redirects(0)
    asked.assertStatus(303)
    asked.assertHeader('location', '/login')
    assert.equal(await new JobWorker().drain(), 1)
    const link = linkIn(lastDeliveredTo(admin.email!), '/login/links/')
    assert.notInclude((await lastEmailTo(admin.email!)).text!, link.split('/').pop()!, 'the email log masks the link')

    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes('Sign me in')
    const signedIn = await client.post(`${link}/session`).withCsrfToken().redirects(0)
    signedIn.assertStatus(303)
    signedIn.assertHeader('location', '/admin')
    const dashboard = await client.get('/admin').withSession(signedIn.session())
    dashboard.assertStatus(200)

    const reused = await client.post(`${link}/session`).withCsrfToken().redirects(0)
    reused.assertHeader('location', '/login')
    reused.assertFlashMessage('loginError', 'This sign-in link has expired or was already used. Sign in again to get a new one.')

    // The link cleared the account's count: the password alone works again.
    const later = await signIn(client, '198.51.100.20', admin.email!, FACTORY_PASSWORD)
    later.assertStatus(302)
    later.assertHeader('location', '/admin')
  })

  test('while a proof is needed a right password from an attacker signs nothing in, and wrong ones are not checked', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    for (let n = 1; n <= 10; n++) await recordFailedLogin(admin.email!, `203.0.113.${(n % 5) + 1}`)

    const guessed = await signIn(client, '203.0.113.9', admin.email!, FACTORY_PASSWORD)
    guessed.assertStatus(429)
    guessed.assertTextIncludes('Email me a sign-in link')
    assert.isUndefined(guessed.session().auth_web)
    await signIn(client, '203.0.113.9', admin.email!, 'wrong-password-x')
    assert.equal(await accountFailures(admin.email!), 10)
  })

  test('past five failures each one makes the next attempt on the account wait longer, from anywhere', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let n = 1; n <= 5; n++) (await signIn(client, `203.0.113.${n}`, user.email!, 'wrong-password-x')).assertStatus(303)

    const tooSoon = await signIn(client, '198.51.100.20', user.email!, FACTORY_PASSWORD)
    tooSoon.assertStatus(429)
    assert.equal(tooSoon.header('retry-after'), '1')
    tooSoon.assertTextIncludes('Try again in')

    await new Promise((resolve) => setTimeout(resolve, 1100))
    const owner = await signIn(client, '198.51.100.20', user.email!, FACTORY_PASSWORD)
    owner.assertStatus(302)
    owner.assertHeader('location', '/portal')
  })

  test('asking for links cannot flood the inbox: a few an hour per address, the same answer after', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    for (let n = 1; n <= 6; n++) {
      const asked = await client.post('/login/links').form({ email: admin.email }).header('x-forwarded-for', `203.0.113.${n}`).withCsrfToken().redirects(0)
      asked.assertStatus(303)
    }
    assert.equal(await new JobWorker().drain(), 4)
  })

  test('a sign-in link for an unknown address sends nothing, with the same answer', async ({ client, assert }) => {
    const asked = await client.post('/login/links').form({ email: 'nobody@example.com' }).withCsrfToken().redirects(0)
    asked.assertStatus(303)
    asked.assertFlashMessage('success', 'If nobody@example.com has an account, a sign-in link is on its way. It works for 15 minutes.')
    await new JobWorker().drain()
    assert.throws(() => lastDeliveredTo('nobody@example.com'), 'No email was delivered to nobody@example.com')
  })
})
