import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import SessionReschedule from '#models/session_reschedule'
import SlotClaim from '#models/slot_claim'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import EmailLog from '#models/email_log'
import BookSession from '#actions/booking/book_session'
import { actors } from '#support/actor'
import { at, bookableStudio, familyWith, readyDraft, slotValue } from '#tests/support/booking'
import type Package from '#models/package'
import type { DateTime } from 'luxon'

/** A family's confirmed booking, made through the same action as the confirm button. */
async function booked(pkg: Package, startsAt: DateTime, paymentOption: 'deposit' | '2_pay' = 'deposit') {
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, startsAt, { childIds: [children[0].id], paymentOption })
  const total = pkg.basePrice
  const result = await BookSession.handle(actors.user(family), draft, family, { total, dueNow: total / 4 })
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`)
  return { family, session: result.session }
}

test.group('Booking: families reschedule and cancel inside the window', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a family moves its session to another free time; the old slot is free, the history and email say so', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, session } = await booked(pkg, at(10, '10:00'))
    const page = await client.get(`/portal/sessions/${session.id}/reschedule`).qs({ date: at(11, '00:00').toISODate()! }).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes(`value="${slotValue(at(11, '14:00'))}"`)

    const moved = await client
      .post(`/portal/sessions/${session.id}/reschedule`)
      .form({ startsAt: slotValue(at(11, '14:00')) })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    moved.assertStatus(303)
    moved.assertFlashMessage('success', 'Your session is moved. We emailed you the updated invitation.')
    await session.refresh()
    assert.equal(session.startsAt.toMillis(), at(11, '14:00').toMillis())
    assert.equal(session.calendarSequence, 1)
    const move = await SessionReschedule.query().where('photo_session_id', session.id).firstOrFail()
    assert.equal(move.actorId, family.id)
    assert.equal(move.fromStartsAt.toMillis(), at(10, '10:00').toMillis())
    assert.isFalse(move.overridden)
    const email = await EmailLog.query().where('to', family.email!).where('template_key', 'emails/session/rescheduled').firstOrFail()
    assert.include(email.subject, at(11, '14:00').toFormat("cccc, LLLL d, yyyy 'at' h:mm a"))

    // The old time is free at once: another family books it.
    const other = await booked(pkg, at(10, '10:00'))
    assert.equal(other.session.startsAt.toMillis(), at(10, '10:00').toMillis())
  })

  test('a family cannot move onto a taken time or outside the hours', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, session } = await booked(pkg, at(10, '10:00'))
    await booked(pkg, at(10, '12:00'))
    const taken = await client.post(`/portal/sessions/${session.id}/reschedule`).form({ startsAt: slotValue(at(10, '12:00')) }).loginAs(family).withCsrfToken().redirects(0)
    taken.assertValidationError('startsAt', 'That time was just taken: choose another one')
    const night = await client.post(`/portal/sessions/${session.id}/reschedule`).form({ startsAt: slotValue(at(10, '21:00')) }).loginAs(family).withCsrfToken().redirects(0)
    night.assertValidationError('startsAt', 'Choose one of the listed times')
    // Moving within its own time (10:30 overlaps itself) is fine.
    const shift = await client.post(`/portal/sessions/${session.id}/reschedule`).form({ startsAt: slotValue(at(10, '10:30')) }).loginAs(family).withCsrfToken().redirects(0)
    shift.assertStatus(303)
    assert.equal((await session.refresh()).startsAt.toMillis(), at(10, '10:30').toMillis())
  })

  test('a family cancels with a reason: who, when and why are kept, the slot is freed, the plan stops', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, session } = await booked(pkg, at(30, '10:00'), '2_pay')
    assert.isAbove((await SlotClaim.query().where('photo_session_id', session.id)).length, 0)

    const empty = await client.post(`/portal/sessions/${session.id}/cancellation`).form({ reason: '' }).loginAs(family).withCsrfToken().redirects(0)
    empty.assertValidationError('reason', 'Say why')
    const cancelled = await client
      .post(`/portal/sessions/${session.id}/cancellation`)
      .form({ reason: 'Ziggy has chickenpox' })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    cancelled.assertFlashMessage('success', `Session ${session.sessionNumber} is cancelled. The time is free for someone else.`)

    await session.refresh()
    assert.equal(session.status, 'cancelled')
    assert.equal(session.cancellationReason, 'Ziggy has chickenpox')
    assert.equal(session.cancelledBy, family.id)
    assert.isNotNull(session.cancelledAt)
    const event = await SessionEvent.query().where('photo_session_id', session.id).where('to_status', 'cancelled').firstOrFail()
    assert.equal(event.actorId, family.id)
    assert.equal(event.note, 'Ziggy has chickenpox')
    assert.lengthOf(await SlotClaim.query().where('photo_session_id', session.id), 0)
    assert.equal((await PaymentPlan.query().where('photo_session_id', session.id).firstOrFail()).status, 'cancelled')
    assert.equal((await Payment.query().where('photo_session_id', session.id).firstOrFail()).status, 'failed')
    const email = await EmailLog.query().where('to', family.email!).where('template_key', 'emails/session/cancelled').firstOrFail()
    assert.include(email.text!, 'Ziggy has chickenpox')

    const again = await booked(pkg, at(30, '10:00'))
    assert.equal(again.session.status, 'booked')
  })

  test('inside the cancellation window the family is told whom to call, and nothing changes', async ({ client, assert }) => {
    const { pkg } = await bookableStudio({ settings: { cancellationWindowHours: 48 } })
    const { family, session } = await booked(pkg, at(1, '15:00'))
    const page = await client.get(`/portal/sessions/${session.id}`).loginAs(family)
    page.assertTextIncludes('call (512) 555-0142')
    assert.notInclude(page.text(), 'Reschedule')

    const message = 'Changes online close 48 hours before the session. To change it now, call (512) 555-0142 or email hello@loupe.test.'
    const form = await client.get(`/portal/sessions/${session.id}/cancellation`).loginAs(family).redirects(0)
    form.assertFlashMessage('error', message)
    const cancel = await client.post(`/portal/sessions/${session.id}/cancellation`).form({ reason: 'Busy' }).loginAs(family).withCsrfToken().redirects(0)
    cancel.assertFlashMessage('error', message)
    const move = await client.post(`/portal/sessions/${session.id}/reschedule`).form({ startsAt: slotValue(at(5, '10:00')) }).loginAs(family).withCsrfToken().redirects(0)
    move.assertFlashMessage('error', message)
    const unchanged = await PhotoSession.findOrFail(session.id)
    assert.equal(unchanged.status, 'booked')
    assert.equal(unchanged.startsAt.toMillis(), at(1, '15:00').toMillis())
  })

  test('another family’s session is not found, to see or to change', async ({ client }) => {
    const { pkg } = await bookableStudio()
    const { session } = await booked(pkg, at(10, '10:00'))
    const { family: stranger } = await familyWith(0)
    for (const path of [`/portal/sessions/${session.id}`, `/portal/sessions/${session.id}/reschedule`, `/portal/sessions/${session.id}/calendar`]) {
      ;(await client.get(path).loginAs(stranger)).assertStatus(404)
    }
    ;(await client.post(`/portal/sessions/${session.id}/cancellation`).form({ reason: 'Mine now' }).loginAs(stranger).withCsrfToken()).assertStatus(404)
  })
})
