import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
import BoardFingerprint from '#actions/kiosk/board_fingerprint'
import CheckInSession from '#actions/kiosk/check_in_session'
import { boardEvents, type BoardChange } from '#services/kiosk/board_events'
import { actors } from '#support/actor'
import { at } from '#tests/support/booking'
import { sqlTime } from '#support/db/sql_time'
import { resetRateLimits } from '#tests/support/throttle'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'
import { KIOSK_COOKIE, pairedTablet, staffWithPin, todaysSession } from '#tests/support/kiosk'

/**
 * The board's ETag names the minute (who is late is a matter of time), so a test that
 * expects a 304 between two polls starts well clear of the next minute's turn.
 */
async function clearOfMinuteTurn() {
  const second = new Date().getSeconds()
  if (second >= 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000))
}

test.group("Kiosk: today's board and check-in", (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test("the board lists today's sessions with family, children, package, balance and flags", async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo', 'Zoe'], { specialRequests: 'Leo is shy with flash' })
    await todaysSession('11:00', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    await todaysSession('11:00', { first: 'Tomorrow', last: 'Family' }, ['Ty'], { startsAt: at(1, '11:00').toLocal() })
    const cancelled = await todaysSession('12:00', { first: 'Gone', last: 'Away' }, ['Kit'], { status: 'cancelled' })

    const response = await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    response.assertStatus(200)
    const html = response.text()
    for (const text of ['Maya Rivera', 'Leo, Zoe', 'Rockstar Mini', 'Sam Okafor', '$300.00', 'Leo is shy with flash', 'Model release unsigned', rivera.sessionNumber]) {
      assert.include(html, text)
    }
    assert.notInclude(html, 'Tomorrow Family')
    assert.notInclude(html, cancelled.id)
  })

  test('late families are highlighted and the next family expected is on top', async ({ assert }) => {
    const early = await todaysSession('09:00', { first: 'Early', last: 'Bird' }, ['Ed'])
    const late = await todaysSession('10:00', { first: 'Late', last: 'Comer' }, ['Lu'])
    const next = await todaysSession('11:00', { first: 'Next', last: 'Up' }, ['Nia'])
    await early.checkIn()
    const board = await LoadKioskBoard.handle({ now: at(0, '10:20') })
    assert.deepEqual(board.rows.map((row) => row.session.id), [late.id, early.id, next.id])
    assert.isTrue(board.rows[0].nextUp)
    assert.isTrue(board.rows[0].late)
    assert.isFalse(board.rows[2].late)
  })

  test('type-ahead finds a family by family name, child name or session number (the list fragment only)', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const okafor = await todaysSession('11:00', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    for (const [q, found, missing] of [['riv', rivera, okafor], ['ada', okafor, rivera], [okafor.sessionNumber.slice(-6), okafor, rivera]] as const) {
      const response = await client.get('/kiosk').qs({ q }).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
      response.assertStatus(200)
      assert.include(response.text(), `data-session-id="${found.id}"`)
      assert.notInclude(response.text(), `data-session-id="${missing.id}"`)
      assert.notInclude(response.text(), '<html')
    }
    // A scanned confirmation QR code is the session's check-in token.
    const scanned = await client.get('/kiosk').qs({ q: rivera.checkInToken }).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    assert.include(scanned.text(), `data-session-id="${rivera.id}"`)
    assert.notInclude(scanned.text(), `data-session-id="${okafor.id}"`)
    const page = await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    page.assertHeader('permissions-policy', 'camera=(self), microphone=(), geolocation=(), payment=(self)')
    page.assertTextIncludes('/vendor/jsqr.js')
    const none = await client.get('/kiosk').qs({ q: 'zzz' }).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    none.assertTextIncludes('No family matches')
  })

  test('one tap checks a family in, recording the staff member and the tablet; a second tap records nothing more', async ({ client, assert }) => {
    const { device, token } = await pairedTablet('Desk A')
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])

    const before = await client.get('/kiosk').header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    before.assertTextIncludes('data-status="confirmed"')
    const tap = () => client.post(`/kiosk/sessions/${session.id}/check-in`).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
    const first = await tap()
    first.assertStatus(200)
    first.assertTextIncludes('data-status="checked_in"')
    first.assertTextIncludes('Checked in')
    ;(await tap()).assertStatus(200)
    const board = await client.get('/kiosk').header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    board.assertTextIncludes('data-status="checked_in"')

    await session.refresh()
    assert.equal(session.status, 'checked_in')
    assert.equal(session.checkedInBy, staff.id)
    assert.equal(session.kioskDeviceId, device.id)
    const events = await SessionEvent.query().where('photo_session_id', session.id).where('to_status', 'checked_in')
    assert.lengthOf(events, 1)
    assert.equal(events[0].fromStatus, 'confirmed')
    assert.equal(events[0].actorId, staff.id)
    assert.equal(events[0].kioskDeviceId, device.id)
  })

  test('a polling tablet whose board is current gets a 304; after a check-in it gets the new board', async ({ client, assert }) => {
    await clearOfMinuteTurn()
    const { token } = await pairedTablet('Desk A')
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])

    // One tablet session throughout (the API client otherwise starts a new one per request).
    const tablet = (request: ReturnType<typeof client.get>) => {
      request.sessionClient.sessionId = 'kiosk-polling-tablet'
      return request.header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    }
    const first = await tablet(client.get('/kiosk'))
    first.assertStatus(200)
    const etag = first.header('etag') ?? ''
    assert.match(etag, /^".+"$/)
    const poll = () => tablet(client.get('/kiosk')).header('If-None-Match', etag)
    const unchanged = await poll()
    unchanged.assertStatus(304)
    assert.equal(unchanged.text(), '')

    await CheckInSession.handle(actors.user(staff), session.id)
    const changed = await poll()
    changed.assertStatus(200)
    changed.assertTextIncludes('data-status="checked_in"')
    assert.notEqual(changed.header('etag'), etag)

    // The fragment holds nothing per tablet (htmx sends the CSRF token as a header): another
    // signed-in tablet holding the same board gets the same 304; one with nobody signed in doesn't.
    const other = await client.get('/kiosk').header('HX-Request', 'true').header('If-None-Match', changed.header('etag') ?? '').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    other.assertStatus(304)
    const signedOut = await client.get('/kiosk').header('HX-Request', 'true').header('If-None-Match', changed.header('etag') ?? '').withEncryptedCookie(KIOSK_COOKIE, token)
    signedOut.assertStatus(401)
  })

  test('a tablet naming the board it holds gets only the cards changed since, and their new order', async ({ client, assert }) => {
    await clearOfMinuteTurn()
    const { token } = await pairedTablet('Desk A')
    const staff = await staffWithPin()
    const first = await todaysSession('23:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const second = await todaysSession('23:15', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    const third = await todaysSession('23:30', { first: 'Ana', last: 'Lopes' }, ['Rui'])
    const board = (since?: string, q?: string) => {
      const request = client.get('/kiosk').qs(q ? { q } : {}).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
      return since ? request.header('X-Board-Since', since) : request
    }
    const full = await board()
    full.assertStatus(200)
    full.assertHeader('x-board', 'full')
    const held = full.header('etag')!
    assert.include(full.text(), `data-board-etag="${held.replace(/"/g, '&quot;')}"`)
    assert.equal((await board(held)).status(), 304)

    // The first family checks in: its card and the next family's (now next up, on top) change;
    // the third's card is not sent, and the order moves.
    await CheckInSession.handle(actors.user(staff), first.id)
    const delta = await board(held)
    delta.assertStatus(200)
    delta.assertHeader('x-board', 'delta')
    const html = delta.text()
    assert.deepEqual([...html.matchAll(/<li class="kiosk-card[^"]*" data-session-id="([^"]+)"/g)].map((match) => match[1]), [second.id, first.id])
    assert.include(html, 'data-status="checked_in"')
    // (After 23:25 in the studio's zone the 23:15 family is late too: kiosk-card--next kiosk-card--late.)
    assert.match(html, new RegExp(`kiosk-card--next[^"]*" data-session-id="${second.id}"`))
    assert.include(html, `data-order="${[second.id, first.id, third.id].join(' ')}"`)
    assert.include(html, `data-board-etag="${delta.header('etag')!.replace(/"/g, '&quot;')}"`)
    assert.isBelow(html.length, full.text().length)

    // A board this process no longer keeps, or another search, gets the whole list.
    const unknown = await board('"not-a-board-we-gave-out"')
    unknown.assertHeader('x-board', 'full')
    assert.lengthOf([...unknown.text().matchAll(/data-session-id=/g)], 3)
    const searched = await board(delta.header('etag')!, 'okafor')
    searched.assertHeader('x-board', 'full')
    assert.notInclude(searched.text(), `data-session-id="${first.id}"`)
  })

  test('a change made anywhere to what a card shows reaches the polling tablets (board stamps)', async ({ client, assert }) => {
    await clearOfMinuteTurn()
    const { token } = await pairedTablet('Desk A')
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    await session.load('children')
    await session.load('package')
    const poll = (etag?: string) => {
      const request = client.get('/kiosk').header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
      return etag ? request.header('If-None-Match', etag) : request
    }
    let etag = (await poll()).header('etag')!
    // Raw writes, as an admin form or a script might make them: no action tells the board.
    const changes: [string, () => Promise<unknown>][] = [
      ['Leo: Nut allergy', () => db.from('children').where('id', session.children[0].id).update({ special_requirements: 'Nut allergy' })],
      ['Rockstar Deluxe', () => db.from('packages').where('id', session.package.id).update({ name: 'Rockstar Deluxe' })],
      ['Maya Rivera-Stone', () => db.from('users').where('id', session.userId).update({ last_name: 'Rivera-Stone' })],
      ['Balance $123.45', () => db.from('photo_sessions').where('id', session.id).update({ balance_due: 12345 })],
      ['Special requests: Bring the guitar', () => db.from('photo_sessions').where('id', session.id).update({ special_requests: 'Bring the guitar' })],
    ]
    for (const [shown, change] of changes) {
      assert.equal((await poll(etag)).status(), 304)
      await change()
      const after = await poll(etag)
      after.assertStatus(200)
      after.assertTextIncludes(shown)
      etag = after.header('etag')!
    }
    // A session moved to another day leaves today's board.
    await db.from('photo_sessions').where('id', session.id).update({ starts_at: sqlTime(at(1, '10:00').toLocal()) })
    const moved = await poll(etag)
    moved.assertStatus(200)
    assert.notInclude(moved.text(), session.id)
  })

  test('a process reads the fingerprint once a second between polls, and at once after a check-in', async ({ client, assert }) => {
    await clearOfMinuteTurn()
    const { token } = await pairedTablet('Desk A')
    const staff = await staffWithPin()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const okafor = await todaysSession('11:00', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    BoardFingerprint.checkMs = 60_000
    BoardFingerprint.forget()
    try {
      const poll = (etag?: string) => {
        const request = client.get('/kiosk').header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
        return etag ? request.header('If-None-Match', etag) : request
      }
      const etag = (await poll()).header('etag')!
      // An unannounced change waits for the next read...
      await db.from('photo_sessions').where('id', rivera.id).update({ balance_due: 4200 })
      assert.equal((await poll(etag)).status(), 304)
      // ...a check-in is announced to every tablet, and the next poll reads afresh (and sees both).
      await CheckInSession.handle(actors.user(staff), okafor.id)
      const after = await poll(etag)
      after.assertStatus(200)
      after.assertTextIncludes('Balance $42.00')
      assert.include(after.text(), 'data-status="checked_in"')
    } finally {
      BoardFingerprint.checkMs = 0
      BoardFingerprint.forget()
    }
  })

  test('without htmx a check-in redirects back to the board with a message', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const response = await client.post(`/kiosk/sessions/${session.id}/check-in`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', '/kiosk')
    assert.equal(response.flashMessages().success, `${session.sessionNumber} is checked in.`)
  })

  test('a cancelled session cannot be checked in', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'], { status: 'cancelled' })
    const response = await client.post(`/kiosk/sessions/${session.id}/check-in`).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
    response.assertStatus(409)
    assert.equal((await PhotoSession.findOrFail(session.id)).status, 'cancelled')
  })

  test('other tablets hear a check-in at once (the board event stream)', async ({ assert }) => {
    const { device } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const heard: BoardChange[] = []
    const stop = boardEvents.subscribe((change) => heard.push(change))
    try {
      await CheckInSession.handle(actors.user(staff, { kioskDeviceId: device.id }), session.id)
      await CheckInSession.handle(actors.user(staff, { kioskDeviceId: device.id }), session.id)
    } finally {
      stop()
    }
    assert.deepEqual(heard, [{ sessionId: session.id, status: 'checked_in' }])
  })
})

test.group('Kiosk: check-in under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)
  group.each.setup(() => resetRateLimits())

  test('two tablets tapping at once record one check-in', async ({ assert }) => {
    const tabletA = await pairedTablet('Desk A')
    const tabletB = await pairedTablet('Desk B')
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const results = await Promise.all(
      [tabletA, tabletB, tabletA, tabletB].map((tablet) => CheckInSession.handle(actors.user(staff, { kioskDeviceId: tablet.device.id }), session.id))
    )
    assert.isTrue(results.every((result) => result.ok))
    assert.equal(results.filter((result) => result.ok && !result.alreadyCheckedIn).length, 1)
    const [{ count }] = await db.from('session_events').where('photo_session_id', session.id).where('to_status', 'checked_in').count('* as count')
    assert.equal(Number(count), 1)
  })

  test('concurrent taps over HTTP check in once', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.post(`/kiosk/sessions/${session.id}/check-in`).header('HX-Request', 'true').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
      )
    )
    for (const response of responses) response.assertStatus(200)
    const [{ count }] = await db.from('session_events').where('photo_session_id', session.id).where('to_status', 'checked_in').count('* as count')
    assert.equal(Number(count), 1)
  })

  test('a check-in by id records the state it moved from, and refuses what it may not move', async ({ assert }) => {
    const { device } = await pairedTablet()
    const staff = await staffWithPin()
    const actor = actors.user(staff, { kioskDeviceId: device.id })
    const booked = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'], { status: 'booked' })
    const cancelled = await todaysSession('11:00', { first: 'Ada', last: 'Okafor' }, ['Zoe'], { status: 'cancelled' })

    const result = await CheckInSession.handle(actor, booked.id)
    assert.isTrue(result.ok && !result.alreadyCheckedIn)
    assert.equal(result.session?.status, 'checked_in')
    assert.equal(result.session?.checkedInBy, staff.id)
    const events = await SessionEvent.query().where('photo_session_id', booked.id)
    assert.deepEqual(
      events.map((event) => [event.fromStatus, event.toStatus, event.kioskDeviceId]),
      [['booked', 'checked_in', device.id]]
    )

    assert.deepInclude(await CheckInSession.handle(actor, cancelled.id), { ok: false, reason: 'not_allowed' })
    assert.deepEqual(await CheckInSession.handle(actor, randomUUID()), { ok: false, reason: 'not_found' })
    await cancelled.refresh()
    assert.equal(cancelled.status, 'cancelled')
    assert.lengthOf(await SessionEvent.query().where('photo_session_id', cancelled.id), 0)
  })

  test('the state machine lets one of two stale copies win', async ({ assert }) => {
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    assert.equal(await raceTransition(PhotoSession, session.id, (row) => row.checkIn()), 1)
  })
})
