import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'

test.group('Portal: profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a customer updates name, phone and marketing consent', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/portal/profile')
      .form({ firstName: 'Jo', lastName: 'March', phone: '+1 555 0100', marketingConsent: 'true' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Your profile is saved.')
    await user.refresh()
    assert.equal(user.fullName, 'Jo March')
    assert.equal(user.phone, '+1 555 0100')
    assert.isTrue(user.marketingConsent)
  })

  test('an invalid phone number is refused and nothing changes', async ({ client, assert }) => {
    const user = await UserFactory.merge({ firstName: 'Before' }).create()
    const response = await client
      .put('/portal/profile')
      .form({ firstName: 'After', lastName: 'March', phone: 'call me maybe' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertValidationError('phone', 'Enter a valid phone number')
    await user.refresh()
    assert.equal(user.firstName, 'Before')
  })

  test('the profile page shows the saved values', async ({ client }) => {
    const user = await UserFactory.merge({ firstName: 'Ramona', phone: '+44 20 7946 0000' }).create()
    const response = await client.get('/portal/profile').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('value="Ramona"')
    response.assertTextIncludes('value="+44 20 7946 0000"')
  })
})

test.group('Portal: change password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the current password is required', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/portal/password')
      .form({ currentPassword: 'wrong-password-1', password: 'a fresh passphrase', password_confirmation: 'a fresh passphrase' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertValidationError('currentPassword', 'Your current password is not correct')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, FACTORY_PASSWORD))
  })

  test('a new password ends the other sessions but keeps this one', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/portal/password')
      .form({ currentPassword: FACTORY_PASSWORD, password: 'a fresh passphrase', password_confirmation: 'a fresh passphrase' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Your password is changed. You were signed out everywhere else.')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, 'a fresh passphrase'))
    assert.equal(user.sessionEpoch, 1)

    const thisSession = response.session()
    const still = await client.get('/portal').loginAs(user).withSession(thisSession)
    still.assertStatus(200)

    const other = await client.get('/portal').loginAs(user).withSession({ auth_epoch: 0 }).redirects(0)
    other.assertHeader('location', '/login')
  })
})

test.group('Portal: access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest is sent to the login page', async ({ client }) => {
    const response = await client.get('/portal').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('a customer sees their dashboard with a reminder to confirm the email', async ({ client }) => {
    const user = await UserFactory.apply('unverified').merge({ firstName: 'Ingrid' }).create()
    const response = await client.get('/portal').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('Hello, Ingrid')
    response.assertTextIncludes('Confirm your email')
  })

  for (const role of ['staff', 'photographer', 'admin'] as const) {
    test(`a ${role} is not a customer: /portal is 403`, async ({ client }) => {
      const user = await UserFactory.apply(role).create()
      const response = await client.get('/portal').loginAs(user)
      response.assertStatus(403)
    })
  }
})
