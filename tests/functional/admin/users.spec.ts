import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AuditLog from '#models/audit_log'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { JobWorker } from '#services/jobs/worker'

test.group('Admin: users', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin lists and searches users', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.merge({ firstName: 'Zelda', lastName: 'Quince', email: 'zelda@example.com' }).create()
    await UserFactory.merge({ firstName: 'Otto', lastName: 'Brahms', email: 'otto@example.com' }).create()

    const all = await client.get('/admin/users').loginAs(admin)
    all.assertStatus(200)
    all.assertTextIncludes('Zelda Quince')
    all.assertTextIncludes('Otto Brahms')

    const search = await client.get('/admin/users').qs({ q: 'quince' }).loginAs(admin)
    search.assertTextIncludes('Zelda Quince')
    assert.notInclude(search.text(), 'Otto Brahms')
  })

  test('an htmx search answers only the table fragment', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/users').qs({ q: admin.lastName }).header('hx-request', 'true').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('<table class="table">')
    assert.notInclude(response.text(), '<html')
  })

  test('an admin creates a photographer, who is emailed a link to choose a password', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/users')
      .form({ firstName: 'Ansel', lastName: 'Adams', email: 'ansel@example.com', role: 'photographer' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/admin/users')

    const created = await User.findByOrFail('email', 'ansel@example.com')
    assert.equal(created.role, 'photographer')
    assert.isNull(created.password)

    const audit = await AuditLog.query().where('action', 'user.created').firstOrFail()
    assert.equal(audit.actorId, admin.id)
    assert.equal(audit.subjectId, created.id)
    assert.deepEqual(audit.details, { email: 'ansel@example.com', role: 'photographer' })
    assert.equal(audit.ip, '127.0.0.1')

    const mail = await lastEmailTo('ansel@example.com')
    assert.equal(mail.subject, 'Your Loupe studio account is ready')
    const invite = linkIn(lastDeliveredTo('ansel@example.com'), '/reset-password/')
    assert.match(invite, /^\/reset-password\/[\w-]{40,}$/)
    assert.notInclude(mail.text!, invite.split('/').pop()!, 'the email log keeps the invite token masked')
  })

  test('creating with bad input shows errors and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/users')
      .form({ firstName: '', lastName: 'X', email: 'bad', role: 'overlord' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertValidationError('email', 'Enter a valid email address')
    response.assertValidationError('role', 'Choose one of the listed options')
    assert.lengthOf(await User.query().where('lastName', 'X'), 0)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('changing a role is audited and ends the user\'s sessions', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const user = await UserFactory.apply('staff').create()
    await client
      .put(`/admin/users/${user.id}`)
      .form({ firstName: user.firstName, lastName: user.lastName, role: 'photographer' })
      .loginAs(admin)
      .withCsrfToken()
    await user.refresh()
    assert.equal(user.role, 'photographer')
    assert.equal(user.sessionEpoch, 1)
    const audit = await AuditLog.query().where('action', 'user.role_changed').firstOrFail()
    assert.equal((audit.details as any).before.role, 'staff')
  })

  test('a deactivated user is signed out and cannot sign in again', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const user = await UserFactory.create()
    await client.post(`/admin/users/${user.id}/deactivation`).loginAs(admin).withCsrfToken()
    await user.refresh()
    assert.isNotNull(user.deactivatedAt)
    assert.exists(await AuditLog.findBy('action', 'user.deactivated'))

    const portal = await client.get('/portal').loginAs(user).redirects(0)
    portal.assertHeader('location', '/login')
    const login = await client.post('/login').form({ email: user.email, password: FACTORY_PASSWORD }).withCsrfToken().redirects(0)
    login.assertFlashMessage('loginError', 'The email or password is incorrect.')

    await client.delete(`/admin/users/${user.id}/deactivation`).loginAs(admin).withCsrfToken()
    await user.refresh()
    assert.isNull(user.deactivatedAt)
  })

  test('an admin cannot edit their own account here', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get(`/admin/users/${admin.id}/edit`).loginAs(admin)
    response.assertStatus(403)
  })

  test('the audit log page lists admin writes', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const user = await UserFactory.create()
    await client.post(`/admin/users/${user.id}/deactivation`).loginAs(admin).withCsrfToken()
    const response = await client.get('/admin/audit-logs').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('user.deactivated')
    response.assertTextIncludes(admin.fullName)
  })

  test('the email log lists messages and previews them', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    await client.post('/forgot-password').form({ email: admin.email }).withCsrfToken()
    await new JobWorker().drain()
    const log = await lastEmailTo(admin.email!)

    const list = await client.get('/admin/email-logs').loginAs(admin)
    list.assertTextIncludes('Reset your Loupe password')
    const page = await client.get(`/admin/email-logs/${log.id}`).loginAs(admin)
    page.assertTextIncludes('sandbox')
    const body = await client.get(`/admin/email-logs/${log.id}`).qs({ render: 'html' }).loginAs(admin)
    body.assertTextIncludes('Choose a new password')
    body.assertHeader('content-security-policy', "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; frame-ancestors 'self'")
  })
})

test.group('Admin: access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['customer', 'staff', 'photographer'] as const) {
    test(`a ${role} gets 403 on the admin area`, async ({ client }) => {
      const user = await UserFactory.apply(role).create()
      for (const url of ['/admin', '/admin/users', '/admin/audit-logs', '/admin/email-logs']) {
        const response = await client.get(url).loginAs(user)
        response.assertStatus(403)
      }
    })
  }

  test('a customer cannot create users even by posting directly', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/admin/users')
      .form({ firstName: 'Evil', lastName: 'Twin', email: 'evil@example.com', role: 'admin' })
      .loginAs(user)
      .withCsrfToken()
    response.assertStatus(403)
    assert.isNull(await User.findBy('email', 'evil@example.com'))
  })

  test('the admin dashboard shows accounts by role as a chart', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.createMany(3)
    const response = await client.get('/admin').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('aria-label="Accounts by role"')
    response.assertTextIncludes('Customer')
  })

  test("the admin dashboard shows this month's money, orders to ship and galleries about to expire", async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await PaymentFactory.apply('succeeded').merge({ amount: 12_345 }).create()
    await OrderFactory.apply('paid').createMany(2)
    const gallery = await GalleryFactory.apply('expiringSoon').merge({ name: 'Rivera family session' }).create()

    const response = await client.get('/admin').loginAs(admin)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '$123.45')
    assert.match(html, /Orders to ship<\/h2>\s*<p class="stat">2<\/p>/)
    assert.include(html, 'Rivera family session')
    assert.include(html, `/admin/galleries/${gallery.id}`)
    assert.include(html, 'Revenue per month')
  })

  test('staff and photographers land on their own dashboards', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const photographer = await UserFactory.apply('photographer').create()
    ;(await client.get('/studio').loginAs(staff)).assertStatus(200)
    ;(await client.get('/photographer').loginAs(photographer)).assertStatus(200)
    ;(await client.get('/studio').loginAs(photographer)).assertStatus(403)
    ;(await client.get('/photographer').loginAs(staff)).assertStatus(403)
  })
})
