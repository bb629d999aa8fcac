import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import StudioSetting from '#models/studio_setting'
import BusinessHour from '#models/business_hour'
import BlackoutDate from '#models/blackout_date'
import PhotographerWorkingDay from '#models/photographer_working_day'
import AuditLog from '#models/audit_log'
import { UserFactory } from '#database/factories/user_factory'
import { at, bookableStudio, familyWith, readyDraft, slotValue } from '#tests/support/booking'
import BookSession from '#actions/booking/book_session'
import { actors } from '#support/actor'

const rules = (overrides: Record<string, unknown> = {}) => ({
  timezone: 'America/New_York',
  slotMinutes: '15',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '15',
  bookingMinNoticeHours: '12',
  bookingHorizonDays: '60',
  maxSessionsPerDay: '1',
  cancellationWindowHours: '24',
  depositPercent: '30',
  planFinalDueDays: '10',
  sessionReminderHours: '48',
  ...overrides,
})

test.group('Admin: availability', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the booking rules are saved, audited, and the calendar follows them at once', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const admin = await UserFactory.apply('admin').create()
    const saved = await client.put('/admin/availability').form(rules()).loginAs(admin).withCsrfToken().redirects(0)
    saved.assertStatus(303)
    const settings = await StudioSetting.current()
    assert.deepInclude(settings.serialize(), { slotMinutes: 15, bufferAfterMinutes: 15, maxSessionsPerDay: 1, depositPercent: 30, planFinalDueDays: 10 })
    assert.exists(await AuditLog.query().where('action', 'studio.booking_rules_updated').first())

    const day = at(7, '00:00')
    const before = await client.get(`/packages/${pkg.slug}/availability`).qs({ date: day.toISODate()! })
    before.assertTextIncludes('9:15 AM')
    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(7, '10:00'), { childIds: [children[0].id] })
    const booked = await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 12_000 })
    assert.isTrue(booked.ok)
    // One session a day: the day is now full.
    const after = await client.get(`/packages/${pkg.slug}/availability`).qs({ month: day.toFormat('yyyy-MM') })
    assert.match(after.text(), new RegExp(`month__day--full" data-date="${day.toISODate()}"`))
  })

  test('rules out of range, an unknown timezone, overlapping hours: messages by the field, nothing saved', async ({ client, assert }) => {
    await bookableStudio()
    const admin = await UserFactory.apply('admin').create()
    const bad = await client
      .put('/admin/availability')
      .form(rules({ timezone: 'Mars/Olympus', slotMinutes: '7', depositPercent: '120' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    bad.assertValidationError('timezone', 'Choose a timezone from the list')
    bad.assertValidationError('slotMinutes', 'Use a multiple of 5 minutes')
    bad.assertValidationError('depositPercent', 'At most 100')
    assert.equal((await StudioSetting.current()).depositPercent, 25)

    const overlap = await client.post('/admin/business-hours').form({ weekday: 2, opensAt: '16:00', closesAt: '19:00', capacity: 1 }).loginAs(admin).withCsrfToken().redirects(0)
    overlap.assertValidationError('opensAt', 'Overlaps 09:00–17:00 that day')
    const backwards = await client.post('/admin/business-hours').form({ weekday: 2, opensAt: '19:00', closesAt: '18:00', capacity: 1 }).loginAs(admin).withCsrfToken().redirects(0)
    backwards.assertValidationError('closesAt', 'Closing must be after opening')
    const evening = await client.post('/admin/business-hours').form({ weekday: 2, opensAt: '18:00', closesAt: '21:00', capacity: 2 }).loginAs(admin).withCsrfToken().redirects(0)
    evening.assertStatus(303)
    assert.lengthOf(await BusinessHour.query().where('weekday', 2), 2)
  })

  test('a photographer’s week and their blackout days decide who families can book', async ({ client, assert }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 2 })
    const [ana, ben] = photographers
    const admin = await UserFactory.apply('admin').create()
    const day = at(8, '10:00')
    // Short hours on another weekday than the day off (a fixed Monday clashed on Sundays, when day 8 is a Monday).
    const shortDay = (day.weekday % 7) + 1
    const days = [1, 2, 3, 4, 5, 6, 7].map((weekday, index) => ({
      [`days[${index}][weekday]`]: String(weekday),
      ...(weekday === day.weekday ? {} : { [`days[${index}][works]`]: 'true' }),
      ...(weekday === shortDay ? { [`days[${index}][startsAt]`]: '12:00', [`days[${index}][endsAt]`]: '16:00' } : {}),
    }))
    const week = await client.put(`/admin/photographers/${ana.id}/working-days`).form(Object.assign({}, ...days)).loginAs(admin).withCsrfToken().redirects(0)
    week.assertStatus(303)
    const saved = await PhotographerWorkingDay.query().where('user_id', ana.id).orderBy('weekday')
    assert.lengthOf(saved, 6)
    assert.notInclude(saved.map((d) => d.weekday), day.weekday)
    assert.deepInclude(saved.find((d) => d.weekday === shortDay)!.serialize(), { startsAt: '12:00', endsAt: '16:00' })

    const blackout = await client
      .post('/admin/blackout-dates')
      .form({ from: at(9, '00:00').toISODate()!, to: at(11, '00:00').toISODate()!, photographerId: ben.id, reason: 'Festival' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    blackout.assertFlashMessage('success', '3 days are blocked: Festival.')
    assert.lengthOf(await BlackoutDate.query().where('photographer_id', ben.id), 3)

    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, day, { childIds: [children[0].id], paymentOption: null })
    const withAna = await client.put(`/book/${draft.id}/time`).form({ startsAt: slotValue(day), photographer: ana.id }).loginAs(family).withCsrfToken().redirects(0)
    withAna.assertValidationError('photographer', 'That photographer does not work then: choose "any" or another time')
    const withBen = await client.put(`/book/${draft.id}/time`).form({ startsAt: slotValue(at(10, '10:00')), photographer: ben.id }).loginAs(family).withCsrfToken().redirects(0)
    withBen.assertValidationError('photographer', 'That photographer does not work then: choose "any" or another time')
    const any = await client.put(`/book/${draft.id}/time`).form({ startsAt: slotValue(day), photographer: 'any' }).loginAs(family).withCsrfToken().redirects(0)
    any.assertStatus(303)

    const studioWide = await client.post('/admin/blackout-dates').form({ from: at(12, '00:00').toISODate()!, reason: 'Staff training' }).loginAs(admin).withCsrfToken().redirects(0)
    studioWide.assertStatus(303)
    const month = await client.get(`/packages/${pkg.slug}/availability`).qs({ date: at(12, '00:00').toISODate()! })
    assert.match(month.text(), new RegExp(`month__day--blackout" data-date="${at(12, '00:00').toISODate()}"`))
    const past = await client.post('/admin/blackout-dates').form({ from: at(-3, '00:00').toISODate()!, reason: 'Too late' }).loginAs(admin).withCsrfToken().redirects(0)
    past.assertValidationError('from', 'Choose today or a later date')
  })

  test('only admins edit availability', async ({ client }) => {
    await bookableStudio()
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/admin/availability').loginAs(user)).assertStatus(403)
      ;(await client.put('/admin/availability').form(rules()).loginAs(user).withCsrfToken()).assertStatus(403)
    }
    const admin = await UserFactory.apply('admin').create()
    ;(await client.get('/admin/availability').loginAs(admin)).assertStatus(200)
  })
})
