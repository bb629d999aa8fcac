import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { CookieBrowser, useCookieSessions } from '#tests/support/cookie_browser'
import { resetRateLimits } from '#tests/support/throttle'

/*
| The default session store is the signed cookie: the login travels inside it. Signing
| out must make a copy of that cookie worthless, not only drop it from this browser.
*/
test.group('Signing out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())
  group.each.setup(() => useCookieSessions())

  test('a session cookie copied before signing out no longer opens the portal', async ({ assert }) => {
    const user = await UserFactory.create()
    const browser = new CookieBrowser()
    const signedIn = await browser.submit('/login', '/login', { email: user.email!, password: FACTORY_PASSWORD })
    assert.equal(signedIn.headers.get('location'), '/portal')
    assert.equal((await browser.get('/portal')).status, 200)

    const thief = new CookieBrowser()
    thief.jar = browser.copyCookies()
    assert.equal((await thief.get('/portal')).status, 200, 'the copy works while the owner is signed in')

    const out = await browser.submit('/portal', '/logout')
    assert.equal(out.headers.get('location'), '/login')
    assert.equal((await browser.get('/portal')).headers.get('location'), '/login')

    const replay = await thief.get('/portal')
    assert.equal(replay.status, 302)
    assert.equal(replay.headers.get('location'), '/login')
  })

  test('signing in gives a new session id: one planted before the login is not signed in', async ({ assert }) => {
    const user = await UserFactory.create()
    const browser = new CookieBrowser()
    await browser.get('/login')
    const planted = browser.copyCookies()
    await browser.submit('/login', '/login', { email: user.email!, password: FACTORY_PASSWORD })
    assert.notEqual(browser.jar.get('loupe-session'), planted.get('loupe-session'))

    const fixated = new CookieBrowser()
    fixated.jar = planted
    assert.equal((await fixated.get('/portal')).headers.get('location'), '/login')
  })

  test('signing out bumps the session version: the account is signed out in every browser', async ({ assert }) => {
    const user = await UserFactory.create()
    const phone = new CookieBrowser()
    const laptop = new CookieBrowser()
    await phone.submit('/login', '/login', { email: user.email!, password: FACTORY_PASSWORD })
    await laptop.submit('/login', '/login', { email: user.email!, password: FACTORY_PASSWORD })

    await user.refresh()
    const before = user.sessionEpoch
    await laptop.submit('/portal', '/logout')
    assert.equal((await User.findOrFail(user.id)).sessionEpoch, before + 1)
    assert.equal((await phone.get('/portal')).headers.get('location'), '/login')
  })

  test('a remember-me cookie copied before signing out signs nobody in', async ({ assert }) => {
    const user = await UserFactory.create()
    const browser = new CookieBrowser()
    await browser.submit('/login', '/login', { email: user.email!, password: FACTORY_PASSWORD, remember: 'true' })
    assert.isTrue(browser.jar.has('remember_web'))
    const remembered = new CookieBrowser()
    remembered.jar = new Map([['remember_web', browser.jar.get('remember_web')!]])
    assert.equal((await remembered.get('/portal')).status, 200, 'the remember-me cookie alone signs in')

    await browser.submit('/portal', '/logout')
    const stolen = new CookieBrowser()
    stolen.jar = new Map([['remember_web', browser.copyCookies().get('remember_web') ?? remembered.jar.get('remember_web')!]])
    assert.equal((await stolen.get('/portal')).headers.get('location'), '/login')
  })
})
