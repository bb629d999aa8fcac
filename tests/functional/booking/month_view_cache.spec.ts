import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import LoadMonthView from '#actions/booking/load_month_view'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import BookSession from '#actions/booking/book_session'
import CancelSession from '#actions/booking/cancel_session'
import UpdateBookingRules from '#actions/availability/update_booking_rules'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { at, bookableStudio, familyWith, readyDraft, slotValue } from '#tests/support/booking'

test.group('Booking: the month view is never stale', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    LoadStudioSchedule.ttlMs = 60_000
    LoadStudioSchedule.forget()
    return () => {
      LoadStudioSchedule.ttlMs = 0
      LoadStudioSchedule.forget()
    }
  })

  test('a calendar is reused until a session in its month changes, or the rules do', async ({ assert }) => {
    const { pkg } = await bookableStudio()
    const day = at(8, '00:00')
    const view = () => LoadMonthView.handle({ durationMinutes: 60, date: day.toISODate()! })
    const slot = slotValue(at(8, '10:00'))

    const first = await view()
    assert.include(first.slots.map((s) => s.value), slot)
    assert.strictEqual(await view(), first, 'nothing changed: the same calendar')

    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(8, '10:00'), { childIds: [children[0].id] })
    const booked = await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 10_000 })
    assert.isTrue(booked.ok)
    const afterBooking = await view()
    assert.notInclude(afterBooking.slots.map((s) => s.value), slot)

    const admin = await UserFactory.apply('admin').create()
    await CancelSession.handle(actors.user(admin), (booked as any).session, 'Studio flood')
    assert.include((await view()).slots.map((s) => s.value), slot)

    await UpdateBookingRules.handle(actors.user(admin), {
      timezone: 'America/New_York',
      slotMinutes: 15,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      bookingMinNoticeHours: 0,
      bookingHorizonDays: 60,
      cancellationWindowHours: 48,
      depositPercent: 25,
      planFinalDueDays: 7,
      sessionReminderHours: 48,
    })
    assert.include((await view()).slots.map((s) => s.value), slotValue(at(8, '10:15')))
  })
})
