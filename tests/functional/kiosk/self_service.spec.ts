import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import ModelRelease from '#models/model_release'
import PhotoSession from '#models/photo_session'
import SessionChild from '#models/session_child'
import SessionEvent from '#models/session_event'
import { resetRateLimits } from '#tests/support/throttle'
import { KIOSK_COOKIE, pairedTablet, releaseTemplate, signatureDataUrl, staffWithPin, todaysSession } from '#tests/support/kiosk'

const SELF_SERVICE = 'kiosk_self_service'

test.group('Kiosk: self-service mode', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('starting self-service signs the staff member out and locks the tablet on its screens', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const start = await client.post('/kiosk/self-service').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    start.assertStatus(303)
    start.assertHeader('location', '/kiosk/self-service')
    assert.deepEqual(start.session()[SELF_SERVICE], { startedBy: staff.id })

    const locked = { [SELF_SERVICE]: { startedBy: staff.id } }
    for (const path of ['/kiosk', '/kiosk/staff-session', '/kiosk/pin']) {
      const response = await client.get(path).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).redirects(0)
      response.assertStatus(303)
      response.assertHeader('location', '/kiosk/self-service')
    }
    const screen = await client.get('/kiosk/self-service').withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token)
    screen.assertStatus(200)
    screen.assertTextIncludes("Let's check you in")
    // Without the mode on, the self-service screens are not there.
    const off = await client.get('/kiosk/self-service').withEncryptedCookie(KIOSK_COOKIE, token).redirects(0)
    off.assertHeader('location', '/kiosk/staff-session')
  })

  test('a family finds its own session by QR token or full number only, checks in and signs the release', async ({ client, assert }) => {
    const { token, device } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo', 'Zoe'])
    const okafor = await todaysSession('10:30', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    const locked = { [SELF_SERVICE]: { startedBy: staff.id } }

    // A partial number or a family name finds nothing: no family browses another's.
    for (const code of [rivera.sessionNumber.slice(0, -2), 'Rivera']) {
      const miss = await client.post('/kiosk/self-service/lookups').form({ code }).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
      miss.assertStatus(422)
      assert.notInclude(miss.text(), 'Maya')
    }
    const byNumber = await client.post('/kiosk/self-service/lookups').form({ code: rivera.sessionNumber.toLowerCase() }).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    byNumber.assertHeader('location', `/kiosk/self-service/visits/${rivera.checkInToken}`)
    const byQr = await client.post('/kiosk/self-service/lookups').form({ code: rivera.checkInToken! }).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    byQr.assertHeader('location', `/kiosk/self-service/visits/${rivera.checkInToken}`)

    const page = await client.get(`/kiosk/self-service/visits/${rivera.checkInToken}`).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token)
    page.assertStatus(200)
    for (const text of ['Hello, Maya', 'Leo', 'Zoe', 'parent of Leo']) page.assertTextIncludes(text)
    for (const text of ['Okafor', 'Ada', okafor.sessionNumber]) assert.notInclude(page.text(), text)

    const children = await SessionChild.query().where('photo_session_id', rivera.id).preload('child')
    const leo = children.find((row) => row.child.firstName === 'Leo')!
    const done = await client
      .post(`/kiosk/self-service/visits/${rivera.checkInToken}`)
      .form({ 'childIds[]': [leo.childId], signerName: 'Maya Rivera', signature: await signatureDataUrl(), idempotencyKey: randomUUID() })
      .withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    done.assertStatus(303)
    done.assertHeader('location', '/kiosk/self-service/done')

    const session = await PhotoSession.findOrFail(rivera.id)
    assert.equal(session.status, 'checked_in')
    assert.equal(session.kioskDeviceId, device.id)
    const [event] = await SessionEvent.query().where('photo_session_id', rivera.id).where('to_status', 'checked_in')
    assert.equal(event.note, 'Self-service check-in: Leo present')
    const releases = await ModelRelease.query().where('photo_session_id', rivera.id)
    assert.deepEqual(releases.map((release) => release.childId), [leo.childId])
    assert.equal(releases[0].staffUserId, staff.id)
    assert.equal((await PhotoSession.findOrFail(okafor.id)).status, 'confirmed')
  })

  test('a child without a release cannot be checked in unsigned: the form says so and nothing is recorded', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const [leo] = await SessionChild.query().where('photo_session_id', rivera.id)
    const response = await client
      .post(`/kiosk/self-service/visits/${rivera.checkInToken}`)
      .form({ 'childIds[]': [leo.childId], idempotencyKey: randomUUID() })
      .withSession({ [SELF_SERVICE]: { startedBy: staff.id } }).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    response.assertStatus(302)
    assert.deepEqual((response.flashMessages().inputErrorsBag as Record<string, string[]>).signature, ['Type your name and sign in the box with your finger'])
    assert.equal((await PhotoSession.findOrFail(rivera.id)).status, 'confirmed')
  })

  test('only a staff PIN leaves self-service mode', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin('2468')
    const locked = { [SELF_SERVICE]: { startedBy: staff.id } }
    const wrong = await client.post('/kiosk/self-service/exit').form({ userId: staff.id, pin: '1111' }).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    wrong.assertStatus(422)
    wrong.assertTextIncludes('That PIN is not right.')
    assert.deepEqual(wrong.session()[SELF_SERVICE], { startedBy: staff.id })

    const right = await client.post('/kiosk/self-service/exit').form({ userId: staff.id, pin: '2468' }).withSession(locked).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    right.assertStatus(303)
    right.assertHeader('location', '/kiosk')
    assert.isUndefined(right.session()[SELF_SERVICE])
  })
})
