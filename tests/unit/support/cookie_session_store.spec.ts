import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CookieSessionStore } from '#support/http/cookie_session_store'

const AGE_SECONDS = 2 * 60 * 60
const ID = 'session-id-1'

/** A request carrying the cookies a previous response set. */
async function requestWith(setCookie: string[] = []) {
  const ctx = await testUtils.createHttpContext()
  ctx.request.request.headers.cookie = setCookie.map((cookie) => cookie.split(';')[0]).join('; ')
  return { ctx, store: new CookieSessionStore(ctx, { path: '/', httpOnly: true, maxAge: AGE_SECONDS }, AGE_SECONDS) }
}

const cookiesSet = (ctx: Awaited<ReturnType<typeof requestWith>>['ctx']) => {
  const header = ctx.response.getHeader('set-cookie')
  return (Array.isArray(header) ? header : header ? [String(header)] : []).filter((cookie) => cookie.startsWith(`${ID}=`))
}

test.group('Cookie session store', () => {
  test('data written in one response is read back in the next request, without the write time', async ({ assert }) => {
    const first = await requestWith()
    first.store.write(ID, { csrf: 'secret', cart: 3 })
    const set = cookiesSet(first.ctx)
    assert.lengthOf(set, 1)
    assert.notInclude(set[0], 'secret', 'the cookie is encrypted')

    const next = await requestWith(set)
    const values = next.store.read(ID)!
    assert.deepEqual(values, { csrf: 'secret', cart: 3 })
    // The same cookie again (its decryption is remembered): a copy, whatever the last request did with its own.
    values.cart = 99
    assert.deepEqual((await requestWith(set)).store.read(ID), { csrf: 'secret', cart: 3 })
    assert.isNull((await requestWith()).store.read(ID))
    const tampered = set.map((cookie) => cookie.replace(/=e%3A(.)/, (_, c) => `=e%3A${c === 'A' ? 'B' : 'A'}`))
    assert.notEqual(tampered[0], set[0])
    assert.isNull((await requestWith(tampered)).store.read(ID), 'a tampered cookie reads as no session')
  })

  test('an unchanged session is written again only once a tenth of its age has passed', async ({ assert }) => {
    const first = await requestWith()
    first.store.write(ID, { csrf: 'secret' })
    const fresh = await requestWith(cookiesSet(first.ctx))
    fresh.store.touch(ID)
    assert.deepEqual(cookiesSet(fresh.ctx), [], 'written a moment ago: not re-encrypted')

    // The same data, written 13 minutes ago (2 h / 10 = 12 min).
    const old = await requestWith()
    old.ctx.response.encryptedCookie(ID, { csrf: 'secret', _w: Date.now() - 13 * 60 * 1000 }, { path: '/', maxAge: AGE_SECONDS })
    const later = await requestWith(cookiesSet(old.ctx))
    later.store.touch(ID)
    const rewritten = cookiesSet(later.ctx)
    assert.lengthOf(rewritten, 1)
    assert.include(rewritten[0], `Max-Age=${AGE_SECONDS}`)
    assert.deepEqual((await requestWith(rewritten)).store.read(ID), { csrf: 'secret' })
  })

  test('destroy clears the cookie; a request without one has nothing to touch', async ({ assert }) => {
    const first = await requestWith()
    first.store.write(ID, { csrf: 'secret' })
    const next = await requestWith(cookiesSet(first.ctx))
    next.store.destroy(ID)
    assert.match(cookiesSet(next.ctx)[0], /Max-Age=-1|Expires=Thu, 01 Jan 1970/)

    const none = await requestWith()
    none.store.touch(ID)
    assert.deepEqual(cookiesSet(none.ctx), [])
  })
})
