import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import SessionReschedule from '#models/session_reschedule'
import SlotClaim from '#models/slot_claim'
import Payment from '#models/payment'
import EmailLog from '#models/email_log'
import BookSession from '#actions/booking/book_session'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { at, bookableStudio, familyWith, readyDraft, STUDIO_ZONE } from '#tests/support/booking'
import type Package from '#models/package'
import type User from '#models/user'
import { DateTime } from 'luxon'
import { ChildFactory } from '#database/factories/child_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { SessionChildFactory } from '#database/factories/session_child_factory'

async function booked(pkg: Package, startsAt: DateTime, photographer?: User) {
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, startsAt, { childIds: [children[0].id], photographerChoice: photographer?.id ?? 'any' })
  const result = await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 10_000 })
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`)
  return { family, child: children[0], session: result.session }
}

const iso = (value: DateTime) => value.setZone(STUDIO_ZONE).toISO({ suppressMilliseconds: true })!

test.group('Studio: calendar and sessions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('day, week and month views show sessions per photographer, coloured by status', async ({ client }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 2, capacity: 2 })
    const admin = await UserFactory.apply('admin').create()
    const first = await booked(pkg, at(3, '10:00'), photographers[0])
    const second = await booked(pkg, at(3, '10:30'), photographers[1])
    const date = at(3, '00:00').toISODate()!

    const day = await client.get('/admin/calendar').qs({ view: 'day', date }).loginAs(admin)
    day.assertStatus(200)
    day.assertTextIncludes(photographers[0].fullName)
    day.assertTextIncludes(`data-session-id="${first.session.id}"`)
    day.assertTextIncludes('cal-session--booked')
    day.assertTextIncludes(`${first.child.firstName}`)
    const week = await client.get('/admin/calendar').qs({ view: 'week', date }).loginAs(admin)
    week.assertTextIncludes(`data-session-id="${second.session.id}"`)
    week.assertTextIncludes(`data-drop-at="${iso(at(3, '11:00'))}"`)
    const month = await client.get('/admin/calendar').qs({ view: 'month', date }).loginAs(admin)
    month.assertTextIncludes(`/admin/sessions/${first.session.id}`)

    // A photographer sees their own sessions by default.
    const mine = await client.get('/admin/calendar').qs({ view: 'week', date }).loginAs(photographers[1])
    mine.assertTextIncludes(second.session.id)
    if (mine.text().includes(first.session.id)) throw new Error("another photographer's session is on my calendar")
    const all = await client.get('/admin/calendar').qs({ view: 'week', date, photographer: 'all' }).loginAs(photographers[1])
    all.assertTextIncludes(first.session.id)

    for (const role of ['customer', 'staff'] as const) {
      ;(await client.get('/admin/calendar').loginAs(await UserFactory.apply(role).create())).assertStatus(403)
    }
  })

  test('dragging a session: moved under the rules; outside them an admin overrides with a reason, recorded; a busy photographer never', async ({ client, assert }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 2 })
    const admin = await UserFactory.apply('admin').create()
    const { family, session } = await booked(pkg, at(5, '10:00'), photographers[0])
    await booked(pkg, at(5, '13:00'), photographers[1])
    const move = (body: Record<string, string>) =>
      client.post(`/admin/sessions/${session.id}/moves`).form(body).header('accept', 'application/json').loginAs(admin).withCsrfToken()

    const ok = await move({ startsAt: iso(at(5, '11:00')) })
    ok.assertStatus(200)
    assert.isTrue(ok.body().ok)
    assert.equal((await session.refresh()).startsAt.toMillis(), at(5, '11:00').toMillis())
    assert.lengthOf(await EmailLog.query().where('to', family.email!).where('template_key', 'emails/session/rescheduled'), 1)

    const late = await move({ startsAt: iso(at(5, '18:00')) })
    late.assertStatus(422)
    assert.deepEqual(late.body(), { ok: false, message: 'Choose one of the listed times.', overridable: true })
    const noReason = await move({ startsAt: iso(at(5, '18:00')), override: 'true' })
    assert.deepEqual(noReason.body(), { ok: false, message: 'Say why you override the rules.', overridable: false })
    const overridden = await move({ startsAt: iso(at(5, '18:00')), override: 'true', reason: 'Family can only come after work' })
    overridden.assertStatus(200)
    assert.include(overridden.body().message, '(rules overridden)')
    const record = await SessionReschedule.query().where('photo_session_id', session.id).orderBy('created_at', 'desc').firstOrFail()
    assert.isTrue(record.overridden)
    assert.equal(record.reason, 'Family can only come after work')
    assert.equal(record.actorId, admin.id)

    const clash = await move({ startsAt: iso(at(5, '13:00')), photographer: photographers[1].id, override: 'true', reason: 'Squeeze in' })
    clash.assertStatus(422)
    assert.deepEqual(clash.body(), { ok: false, message: 'That photographer is busy then: choose "any" or another time.', overridable: false })
    assert.equal((await session.refresh()).startsAt.toMillis(), at(5, '18:00').toMillis())
  })

  test('the session page moves a session through its statuses, each with its history row', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const photographer = await UserFactory.apply('photographer').create()
    const { session, child } = await booked(pkg, at(2, '10:00'))
    const page = await client.get(`/admin/sessions/${session.id}`).loginAs(photographer)
    page.assertStatus(200)
    page.assertTextIncludes(child.fullName)
    page.assertTextIncludes('Confirm')
    page.assertTextIncludes('$400.00')

    for (const to of ['confirmed', 'checked_in', 'in_progress', 'completed']) {
      const response = await client.post(`/admin/sessions/${session.id}/status`).form({ to }).loginAs(photographer).withCsrfToken().redirects(0)
      response.assertStatus(303)
      assert.equal((await session.refresh()).status, to)
    }
    const events = await SessionEvent.query().where('photo_session_id', session.id).orderBy('created_at')
    assert.deepEqual(events.map((e) => e.toStatus), ['booked', 'confirmed', 'checked_in', 'in_progress', 'completed'])
    assert.isTrue(events.slice(1).every((e) => e.actorId === photographer.id))

    const backwards = await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'confirmed' }).loginAs(photographer).withCsrfToken().redirects(0)
    backwards.assertFlashMessage('error', `${session.sessionNumber} cannot go from completed to confirmed.`)

    const notes = await client.put(`/admin/sessions/${session.id}`).form({ completionNotes: 'Gallery by Friday', photographerNotes: 'Loved the drums' }).loginAs(photographer).withCsrfToken().redirects(0)
    notes.assertStatus(303)
    assert.equal((await session.refresh()).completionNotes, 'Gallery by Friday')
  })

  test('the studio cancels with a reason (slot freed, family emailed), and marks a desk payment received', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const admin = await UserFactory.apply('admin').create()
    const paid = await booked(pkg, at(4, '10:00'))
    const deposit = await Payment.query().where('photo_session_id', paid.session.id).firstOrFail()
    const received = await client.post(`/admin/payments/${deposit.id}/receipt`).form({ method: 'cash' }).loginAs(admin).withCsrfToken().redirects(0)
    received.assertFlashMessage('success', '$100.00 received: the session is confirmed.')
    await deposit.refresh()
    assert.deepInclude(deposit.serialize(), { status: 'succeeded', method: 'cash', receivedBy: admin.id })
    await paid.session.refresh()
    assert.equal(paid.session.status, 'confirmed')
    assert.equal(paid.session.balanceDue, 30_000)
    const twice = await client.post(`/admin/payments/${deposit.id}/receipt`).form({ method: 'cash' }).loginAs(admin).withCsrfToken().redirects(0)
    twice.assertFlashMessage('error', 'That payment is not waiting at the desk any more.')

    const { family, session } = await booked(pkg, at(6, '10:00'))
    const noReason = await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'cancelled' }).loginAs(admin).withCsrfToken().redirects(0)
    noReason.assertValidationError('note', 'Say why the session is cancelled')
    await client.post(`/admin/sessions/${session.id}/status`).form({ to: 'cancelled', note: 'Photographer ill' }).loginAs(admin).withCsrfToken()
    await session.refresh()
    assert.equal(session.status, 'cancelled')
    assert.equal(session.cancelledBy, admin.id)
    assert.lengthOf(await SlotClaim.query().where('photo_session_id', session.id), 0)
    const email = await EmailLog.query().where('to', family.email!).where('template_key', 'emails/session/cancelled').firstOrFail()
    assert.include(email.text!, 'Photographer ill')
    assert.equal((await PhotoSession.findOrFail(session.id)).cancellationReason, 'Photographer ill')
  })

  test("the photographer's dashboard lists today's and this week's sessions with what to prepare", async ({ client }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 1 })
    pkg.preparationChecklist = 'Smoke machine\nTwo guitars'
    await pkg.save()
    const child = await ChildFactory.merge({ firstName: 'Ozzy', specialRequirements: 'Ear defenders' }).create()
    const session = await PhotoSessionFactory.merge({
      packageId: pkg.id,
      userId: child.parentId,
      photographerId: photographers[0].id,
      startsAt: DateTime.now().plus({ minutes: 1 }),
      status: 'confirmed',
    }).create()
    await SessionChildFactory.merge({ photoSessionId: session.id, childId: child.id, stylingRequests: 'Spiky hair' }).create()
    const page = await client.get('/photographer').loginAs(photographers[0])
    page.assertStatus(200)
    page.assertTextIncludes('Today (1)')
    page.assertTextIncludes('Ozzy')
    page.assertTextIncludes('Spiky hair')
    page.assertTextIncludes('Ear defenders')
    page.assertTextIncludes('Smoke machine · Two guitars')
    page.assertTextIncludes(`/admin/sessions/${session.id}`)
  })
})
