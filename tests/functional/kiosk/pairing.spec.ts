import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import KioskDevice from '#models/kiosk_device'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { resetRateLimits } from '#tests/support/throttle'
import { KIOSK_COOKIE, pairedTablet, staffWithPin } from '#tests/support/kiosk'

test.group('Kiosk: pairing, revoking and staff sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('an admin pairs a tablet with a one-time code; the tablet keeps a token stored only as a hash', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/kiosk-devices').form({ name: 'Front desk iPad' }).loginAs(admin).withCsrfToken().redirects(0)
    created.assertStatus(303)
    const { code } = created.flashMessages().pairing as { code: string }
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const waiting = await KioskDevice.findByOrFail('name', 'Front desk iPad')
    assert.isNull(waiting.pairedAt)
    assert.notInclude(JSON.stringify(waiting.$attributes), code)

    const paired = await client.post('/kiosk/pairing').form({ code: code.toLowerCase() }).withCsrfToken().redirects(0)
    paired.assertStatus(303)
    paired.assertHeader('location', '/kiosk/staff-session')
    const token = paired.cookie(KIOSK_COOKIE)?.value as string
    assert.isString(token)
    const device = await KioskDevice.findOrFail(waiting.id)
    assert.isNotNull(device.pairedAt)
    assert.lengthOf(device.tokenHash, 64)
    assert.notEqual(device.tokenHash, token)

    // The code worked once.
    const again = await client.post('/kiosk/pairing').form({ code }).withCsrfToken()
    again.assertStatus(422)
    again.assertTextIncludes('That code is wrong or has expired')

    const signIn = await client.get('/kiosk/staff-session').withEncryptedCookie(KIOSK_COOKIE, token)
    signIn.assertStatus(200)
    signIn.assertTextIncludes('Front desk iPad')

    const list = await client.get('/admin/kiosk-devices').loginAs(admin)
    list.assertTextIncludes('Front desk iPad')
    list.assertTextIncludes('Paired')
    assert.notInclude(list.text(), 'Never')
  })

  test('an expired pairing code pairs nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/kiosk-devices').form({ name: 'Back room' }).loginAs(admin).withCsrfToken().redirects(0)
    const { code } = created.flashMessages().pairing as { code: string }
    await KioskDevice.query().where('name', 'Back room').update({ pairing_expires_at: DateTime.now().minus({ minutes: 1 }).toFormat(KioskDevice.query().client.dialect.dateTimeFormat) })
    const response = await client.post('/kiosk/pairing').form({ code }).withCsrfToken()
    response.assertStatus(422)
    assert.isNull((await KioskDevice.findByOrFail('name', 'Back room')).pairedAt)
  })

  test('an unpaired browser is sent to the pairing page; wrong codes are throttled', async ({ client }) => {
    const staff = await staffWithPin()
    const board = await client.get('/kiosk').loginAs(staff).redirects(0)
    board.assertStatus(302)
    board.assertHeader('location', '/kiosk/pairing')
    for (let attempt = 0; attempt < 10; attempt++) {
      ;(await client.post('/kiosk/pairing').form({ code: 'AAAA-AAAA' }).withCsrfToken()).assertStatus(422)
    }
    const blocked = await client.post('/kiosk/pairing').form({ code: 'AAAA-AAAA' }).withCsrfToken()
    blocked.assertStatus(429)
    blocked.assertTextIncludes('Too many wrong codes')
  })

  test('a revoked tablet is shut out at its next request', async ({ client, assert }) => {
    const { admin, device, token } = await pairedTablet('Lobby')
    const staff = await staffWithPin()
    ;(await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)).assertStatus(200)

    const revoked = await client.post(`/admin/kiosk-devices/${device.id}/revocation`).loginAs(admin).withCsrfToken().redirects(0)
    revoked.assertStatus(303)
    assert.equal(revoked.flashMessages().success, 'Lobby is revoked.')
    const after = await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/kiosk/pairing')
    const twice = await client.post(`/admin/kiosk-devices/${device.id}/revocation`).loginAs(admin).withCsrfToken().redirects(0)
    assert.equal(twice.flashMessages().error, 'Lobby was already revoked.')
  })

  test('only admins pair and revoke tablets', async ({ client }) => {
    const staff = await staffWithPin()
    ;(await client.get('/admin/kiosk-devices').loginAs(staff)).assertStatus(403)
    ;(await client.post('/admin/kiosk-devices').form({ name: 'Mine' }).loginAs(staff).withCsrfToken()).assertStatus(403)
  })

  test('staff sign in on a paired tablet with their PIN; five wrong PINs block even the right one', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin('2468', 'Dana')
    const page = await client.get('/kiosk/staff-session').withEncryptedCookie(KIOSK_COOKIE, token)
    page.assertTextIncludes(staff.fullName)

    const good = await client.post('/kiosk/staff-session').form({ userId: staff.id, pin: '2468' }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    good.assertStatus(303)
    good.assertHeader('location', '/kiosk')

    const badInput = await client.post('/kiosk/staff-session').form({ userId: staff.id, pin: '12' }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    badInput.assertStatus(302)
    assert.deepEqual((badInput.flashMessages().inputErrorsBag as Record<string, string[]>)?.pin, ['A PIN is 4 to 6 digits'])

    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await client.post('/kiosk/staff-session').form({ userId: staff.id, pin: '0000' }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
      wrong.assertStatus(422)
      wrong.assertTextIncludes('That PIN is not right')
    }
    const blocked = await client.post('/kiosk/staff-session').form({ userId: staff.id, pin: '2468' }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
    blocked.assertStatus(429)
    blocked.assertTextIncludes('Too many wrong tries')

    // The account still signs in with its password.
    const byAccount = await client.post('/kiosk/staff-session').form({ email: staff.email, password: FACTORY_PASSWORD }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    byAccount.assertStatus(303)
  })

  test('a family account cannot work the board, even on a paired tablet', async ({ client }) => {
    const { token } = await pairedTablet()
    const customer = await UserFactory.apply('customer').create()
    ;(await client.get('/kiosk').loginAs(customer).withEncryptedCookie(KIOSK_COOKIE, token)).assertStatus(403)
  })

  test('a staff member sets their own PIN', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await UserFactory.apply('staff').create()
    const saved = await client.put('/kiosk/pin').form({ pin: '135790', pin_confirmation: '135790' }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    saved.assertStatus(303)
    await staff.refresh()
    assert.isNotNull(staff.kioskPinHash)
  })
})
