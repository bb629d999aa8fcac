import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import EmailLog from '#models/email_log'
import { UserFactory } from '#database/factories/user_factory'
import { lastEmailTo, linkIn } from '#tests/support/mail'

const valid = {
  firstName: 'Robin',
  lastName: 'Stone',
  email: 'Robin.Stone@Example.com',
  password: 'violet guitar on the roof',
  password_confirmation: 'violet guitar on the roof',
}

test.group('Sign up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a visitor signs up as a customer, is signed in and gets a confirmation email', async ({ client, assert }) => {
    const response = await client.post('/signup').form(valid).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/portal')

    const user = await User.findByOrFail('email', 'robin.stone@example.com')
    assert.equal(user.role, 'customer')
    assert.isNull(user.emailVerifiedAt)
    assert.notEqual(user.password, valid.password)

    const mail = await lastEmailTo('robin.stone@example.com')
    assert.equal(mail.subject, 'Confirm your email address')
    assert.equal(mail.status, 'not_sent')
    assert.include(mail.html!, 'Confirm my email')
    assert.match(linkIn(mail, '/verify-email/'), /^\/verify-email\/[\w-]{40,}$/)
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
    assert.lengthOf(await EmailLog.all(), 0)
  })

  test('a JSON client gets 422 with field errors', async ({ client }) => {
    const response = await client.post('/signup').json({ ...valid, firstName: '' }).withCsrfToken().accept('json')
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'firstName' }] })
  })

  test('an email that already has an account is refused', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'robin.stone@example.com' }).create()
    const response = await client.post('/signup').form(valid).withCsrfToken().redirects(0)
    response.assertValidationError('email', 'An account with this email already exists')
    assert.lengthOf(await User.query().where('email', 'robin.stone@example.com'), 1)
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

  test('the emailed link confirms the address once', async ({ client, assert }) => {
    await client.post('/signup').form(valid).withCsrfToken()
    const link = linkIn(await lastEmailTo('robin.stone@example.com'), '/verify-email/')

    const first = await client.get(link)
    first.assertStatus(200)
    first.assertTextIncludes('Your email is confirmed')
    const user = await User.findByOrFail('email', 'robin.stone@example.com')
    assert.isNotNull(user.emailVerifiedAt)

    const again = await client.get(link)
    again.assertStatus(410)
    again.assertTextIncludes('This link has expired')
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
