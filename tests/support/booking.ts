import { DateTime } from 'luxon'
import StudioSetting from '#models/studio_setting'
import BusinessHour from '#models/business_hour'
import PhotographerWorkingDay from '#models/photographer_working_day'
import BookingDraft, { DRAFT_DAYS, EMPTY_DRAFT, type DraftData } from '#models/booking_draft'
import type Package from '#models/package'
import type User from '#models/user'
import { PackageFactory } from '#database/factories/package_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ChildFactory } from '#database/factories/child_factory'

export const STUDIO_ZONE = 'America/New_York'

export interface StudioOptions {
  capacity?: number
  photographers?: number
  settings?: Partial<StudioSetting>
  hours?: { opensAt: string; closesAt: string }
}

/**
 * A studio open every day 09:00–17:00 (New York time) on a 30-minute grid, no notice,
 * bookable 60 days ahead, a 25 % deposit and a 48-hour cancellation window; with
 * `photographers` working every day, and a one-hour package for up to two children.
 */
export async function bookableStudio(options: StudioOptions = {}) {
  const settings = await StudioSetting.current()
  settings.merge({
    timezone: STUDIO_ZONE,
    slotMinutes: 30,
    bookingMinNoticeHours: 0,
    bookingHorizonDays: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    maxSessionsPerDay: null,
    cancellationWindowHours: 48,
    depositPercent: 25,
    planFinalDueDays: 7,
    phone: '(512) 555-0142',
    email: 'hello@loupe.test',
    ...options.settings,
  })
  await settings.save()
  for (let weekday = 1; weekday <= 7; weekday++) {
    await BusinessHour.create({
      weekday,
      opensAt: options.hours?.opensAt ?? '09:00',
      closesAt: options.hours?.closesAt ?? '17:00',
      capacity: options.capacity ?? 1,
    })
  }
  const photographers: User[] = []
  for (let index = 0; index < (options.photographers ?? 0); index++) {
    const photographer = await UserFactory.apply('photographer').merge({ firstName: ['Ana', 'Ben', 'Cleo'][index] ?? `P${index}` }).create()
    for (let weekday = 1; weekday <= 7; weekday++) await PhotographerWorkingDay.create({ userId: photographer.id, weekday })
    photographers.push(photographer)
  }
  const pkg = await PackageFactory.merge({ name: 'Rockstar Mini', basePrice: 40_000, durationMinutes: 60, maxChildren: 2, active: true }).create()
  return { settings, pkg, photographers }
}

/** A studio wall-clock time `days` from today: `at(10, '10:00')`. */
export function at(days: number, time: string) {
  const [hour, minute] = time.split(':').map(Number)
  return DateTime.now().setZone(STUDIO_ZONE).plus({ days }).set({ hour, minute, second: 0, millisecond: 0 })
}

/** What a slot radio button posts. */
export function slotValue(startsAt: DateTime) {
  return startsAt.setZone(STUDIO_ZONE).toISO({ suppressMilliseconds: true })!
}

/** A family with `children` children. */
export async function familyWith(children = 2) {
  const family = await UserFactory.apply('customer').create()
  const kids = []
  for (let index = 0; index < children; index++) kids.push(await ChildFactory.merge({ parentId: family.id }).create())
  return { family, children: kids }
}

/** A draft ready to confirm: children, time and way to pay chosen. */
export async function readyDraft(family: User, pkg: Package, startsAt: DateTime, data: Partial<DraftData>) {
  return BookingDraft.create({
    userId: family.id,
    packageId: pkg.id,
    startsAt: startsAt.toLocal(),
    data: { ...EMPTY_DRAFT, paymentOption: 'deposit', ...data },
    expiresAt: DateTime.now().plus({ days: DRAFT_DAYS }),
  })
}
