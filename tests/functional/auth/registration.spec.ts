import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import User from '#models/user'
import EmailLog from '#models/email_log'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'

const valid = {
  firstName: 'Robin',
  lastName: 'Stone',
  email: 'Robin.Stone@Example.com',
  password: 'violet guitar on the roof',
  password_confirmation: 'violet guitar on the roof',
}

const SENT = 'robin.stone@example.com'

test.group('Sign up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a visitor signs up: the account waits for the emailed confirmation, which signs them in', async ({ client, assert }) => {
    const response = await client.post('/signup').form(valid).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', '/signup')
    response.assertFlashMessage('signupSentTo', SENT)

    const user = await User.findByOrFail('email', SENT)
    assert.equal(user.role, 'customer')
    assert.isNull(user.emailVerifiedAt)
    assert.isTrue(await hash.verify(user.password!, valid.password))

    assert.equal(await new JobWorker().drain(), 1)
    const mail = await lastEmailTo(SENT)
    assert.equal(mail.subject, 'Confirm your email address')
    assert.equal(mail.status, 'not_sent')
    const link = linkIn(lastDeliveredTo(SENT), '/verify-email/')
    assert.match(link, /^\/verify-email\/[\w-]{40,}$/)

    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes('Confirm my email')
    const confirmed = await client.post(link).withCsrfToken().redirects(0)
    confirmed.assertStatus(303)
    confirmed.assertHeader('location', '/portal')
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)
    const portal = await client.get('/portal').withSession(confirmed.session())
    portal.assertStatus(200)
    portal.assertTextIncludes('Robin')
  })

  test('the check-your-inbox page follows', async ({ client }) => {
    const response = await client.post('/signup').form(valid).withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('Check your inbox')
    response.assertTextIncludes(SENT)
  })

  test('an address that already has an account gets the same answer and a "you have an account" email; nothing changes', async ({ client, assert }) => {
    const owner = await UserFactory.merge({ email: SENT }).create()
    const response = await client.post('/signup').form(valid).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', '/signup')
    response.assertFlashMessage('signupSentTo', SENT)
    assert.lengthOf(await User.query().where('email', SENT), 1)
    await owner.refresh()
    assert.isTrue(await hash.verify(owner.password!, FACTORY_PASSWORD), 'the password is untouched')

    await new JobWorker().drain()
    const mail = lastDeliveredTo(SENT)
    assert.equal(mail.subject, 'You already have a Loupe account')
    assert.include(mail.text!, '/forgot-password')
  })

  test('bad input shows field errors and writes nothing', async ({ client, assert }) => {
    const response = await client
      .post('/signup')
      .form({ ...valid, email: 'not-an-email', password: 'short', password_confirmation: 'other' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertValidationError('email', 'Enter a valid email address')
    response.assertValidationError('password', 'Use at least 10 characters')
    assert.equal((await User.query().count('* as total'))[0].$extras.total, 0)
    assert.equal(await new JobWorker().drain(), 0)
    assert.lengthOf(await EmailLog.all(), 0)
  })

  test('a JSON client gets 422 with field errors', async ({ client }) => {
    const response = await client.post('/signup').json({ ...valid, firstName: '' }).withCsrfToken().accept('json')
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'firstName' }] })
  })

  test('a common password is refused', async ({ client }) => {
    const response = await client
      .post('/signup')
      .form({ ...valid, password: 'password123', password_confirmation: 'password123' })
      .withCsrfToken()
      .redirects(0)
    response.assertValidationError('password', 'This password is too easy to guess')
  })
})

test.group('Email verification', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  async function signUpAndOpenMail(client: any) {
    await client.post('/signup').form(valid).withCsrfToken()
    await new JobWorker().drain()
    return linkIn(lastDeliveredTo(SENT), '/verify-email/')
  }

  test('the emailed link confirms the address once', async ({ client, assert }) => {
    const link = await signUpAndOpenMail(client)
    const first = await client.post(link).withCsrfToken().redirects(0)
    first.assertStatus(303)
    assert.isNotNull((await User.findByOrFail('email', SENT)).emailVerifiedAt)

    const again = await client.get(link)
    again.assertStatus(410)
    again.assertTextIncludes('This link has expired')
    const replay = await client.post(link).withCsrfToken().redirects(0)
    replay.assertStatus(410)
  })

  test('opening the link (as a mail scanner does) uses nothing up', async ({ client, assert }) => {
    const link = await signUpAndOpenMail(client)
    await client.get(link)
    await client.get(link)
    assert.isNull((await User.findByOrFail('email', SENT)).emailVerifiedAt)
    const confirmed = await client.post(link).withCsrfToken().redirects(0)
    confirmed.assertStatus(303)
  })

  test('an unknown token is refused', async ({ client }) => {
    const response = await client.get('/verify-email/not-a-real-token')
    response.assertStatus(410)
  })

  test('a signed-in customer can ask for a new link', async ({ client, assert }) => {
    const user = await UserFactory.apply('unverified').create()
    const response = await client.post('/verify-email').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    const mail = await lastEmailTo(user.email!)
    assert.equal(mail.subject, 'Confirm your email address')
  })
})
