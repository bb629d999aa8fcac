import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

test.group('Security headers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pages send a nonce-based CSP without unsafe scripts', async ({ client, assert }) => {
    const response = await client.get('/login')
    const csp = response.header('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self' 'nonce-[\w-]+'/)
    assert.notInclude(csp, 'unsafe-inline')
    assert.notInclude(csp, 'unsafe-eval')
    assert.include(csp, "object-src 'none'")
    assert.include(csp, "base-uri 'none'")
    assert.include(csp, "frame-ancestors 'none'")

    const nonce = csp.match(/'nonce-([\w-]+)'/)![1]
    assert.include(response.text(), `<script nonce="${nonce}" src="/vendor/htmx.min.js?v=`)
    // Alpine loads only on pages that use it; whatever script a page has carries the nonce.
    for (const tag of response.text().match(/<script\b[^>]*>/g) ?? []) assert.include(tag, `nonce="${nonce}"`)
  })

  test('pages forbid sniffing, framing and leaky referrers', async ({ client }) => {
    const response = await client.get('/login')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
  })

  test('the session cookie is httpOnly and SameSite=Lax', async ({ client, assert }) => {
    const response = await client.get('/login')
    const cookie = ([] as string[]).concat(response.header('set-cookie') ?? []).find((c) => c.startsWith('loupe-session='))
    assert.exists(cookie)
    assert.match(cookie!, /HttpOnly/i)
    assert.match(cookie!, /SameSite=Lax/i)
  })

  test('htmx requests carry the CSRF token inherited from <body>', async ({ client, assert }) => {
    const response = await client.get('/login')
    assert.match(response.text(), /<body class="site" hx-headers:inherited='\{"x-csrf-token": "[\w-]+"\}'>/)
  })

  test('a form posted without a CSRF token is refused with the 419 page', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client.post('/login').form({ email: user.email, password: 'whatever-password' }).redirects(0)
    response.assertStatus(419)
    response.assertTextIncludes('This form has expired')
    assert.notExists(response.header('location'))
  })

  test('a JSON request without a CSRF token gets a JSON 419', async ({ client }) => {
    const response = await client.post('/signup').json({}).accept('json')
    response.assertStatus(419)
    response.assertBodyContains({ errors: [{ status: 419 }] })
  })

  test('going "back" never follows a foreign Referer', async ({ client }) => {
    const user = await UserFactory.apply('unverified').create()
    const response = await client
      .post('/verify-email')
      .loginAs(user)
      .withCsrfToken()
      .header('referer', 'https://evil.example/phish')
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })

  test('GET /health reports the database', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok', database: { ok: true } })
  })
})

test.group('Error pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unknown page shows the 404 page in the site layout', async ({ client }) => {
    const response = await client.get('/no-such-page')
    response.assertStatus(404)
    response.assertTextIncludes('Page not found')
    response.assertTextIncludes('class="site"')
  })

  test('an unknown page asked for as JSON answers JSON', async ({ client }) => {
    const response = await client.get('/no-such-page').accept('json')
    response.assertStatus(404)
    response.assertBodyContains({ errors: [{ status: 404 }] })
  })

  test('the 403 page renders inside the area the user is in', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const response = await client.get('/portal').loginAs(staff)
    response.assertStatus(403)
    response.assertTextIncludes('Access denied')
  })
})
