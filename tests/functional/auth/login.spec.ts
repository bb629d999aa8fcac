import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import { Scrypt } from '@adonisjs/core/hash/drivers/scrypt'
import User from '#models/user'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { resetRateLimits } from '#tests/support/throttle'

test.group('Login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  const homes = {
    customer: '/portal',
    staff: '/studio',
    photographer: '/photographer',
    admin: '/admin',
  } as const

  for (const [role, home] of Object.entries(homes)) {
    test(`a ${role} lands on their own home after signing in`, async ({ client }) => {
      const user = await UserFactory.apply(role as keyof typeof homes).create()
      const response = await client
        .post('/login')
        .form({ email: user.email, password: FACTORY_PASSWORD })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', home)
    })
  }

  test('a wrong password is refused with a message and no session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: 'not-the-password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertFlashMessage('loginError', 'The email or password is incorrect.')

    const portal = await client.get('/portal').redirects(0)
    portal.assertStatus(302)
    portal.assertHeader('location', '/login')
  })

  test('five failures lock the account from that IP and the form says how long to wait', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.post('/login').form({ email: user.email, password: 'wrong-password-x' }).withCsrfToken().redirects(0)
    }
    const blocked = await client
      .post('/login')
      .form({ email: user.email, password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertStatus(429)
    blocked.assertTextIncludes('Too many failed sign-in attempts. Try again in 15 minutes.')
    assert.equal(blocked.header('retry-after'), '900')
  })

  test('a password hashed with older scrypt parameters is rehashed at sign-in', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const old = await new Scrypt({ cost: 1024, blockSize: 8, parallelization: 1, maxMemory: 33554432 }).make(FACTORY_PASSWORD)
    await User.query().where('id', user.id).update({ password: old })

    const response = await client.post('/login').form({ email: user.email, password: FACTORY_PASSWORD }).withCsrfToken().redirects(0)
    response.assertStatus(302)
    const stored = (await User.findOrFail(user.id)).password!
    assert.notEqual(stored, old)
    assert.isFalse(hash.needsReHash(stored))
    assert.isTrue(await hash.verify(stored, FACTORY_PASSWORD))
  })

  test('a deactivated account cannot sign in', async ({ client }) => {
    const user = await UserFactory.apply('deactivated').create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertFlashMessage('loginError', 'The email or password is incorrect.')
  })

  test('"keep me signed in" sets a remember-me cookie', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/login')
      .form({ email: user.email, password: FACTORY_PASSWORD, remember: 'true' })
      .withCsrfToken()
      .redirects(0)
    assert.exists(response.cookie('remember_web'))
  })

  test('a guest sent to login goes back to the page they asked for', async ({ client }) => {
    const user = await UserFactory.create()
    const first = await client.get('/portal/profile').redirects(0)
    first.assertHeader('location', '/login')
    const response = await client
      .post('/login')
      .form({ email: user.email, password: FACTORY_PASSWORD })
      .withCsrfToken()
      .withSession(first.session())
      .redirects(0)
    response.assertHeader('location', '/portal/profile')
  })

  test('bad input is answered with field errors as JSON (422)', async ({ client }) => {
    const response = await client.post('/login').json({ email: 'nope', password: '' }).withCsrfToken().accept('json')
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'email' }] })
  })

  test('signing out ends the session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
