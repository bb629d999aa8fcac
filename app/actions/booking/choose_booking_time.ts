import { DateTime } from 'luxon'
import type BookingDraft from '#models/booking_draft'
import Package from '#models/package'
import type { Refusal } from '#booking/availability'
import LoadAvailability from '#actions/booking/load_availability'

export type ChooseTimeResult = { ok: true } | { ok: false; reason: Refusal | 'invalid' }

/** Step 3: a start time and a photographer ("any" or one of them), checked against availability now. */
export default class ChooseBookingTime {
  static async handle(draft: BookingDraft, input: { startsAt: string; photographer?: string }): Promise<ChooseTimeResult> {
    const startsAt = DateTime.fromISO(input.startsAt, { setZone: true })
    if (!startsAt.isValid) return { ok: false, reason: 'invalid' }
    const pkg = await Package.findOrFail(draft.packageId)
    const photographer = input.photographer && input.photographer !== 'any' ? input.photographer : undefined
    const date = startsAt.toISODate()!
    const availability = await LoadAvailability.handle({ from: date, to: date })
    const check = availability.check(startsAt, pkg.durationMinutes, { photographerId: photographer })
    if (!check.ok) return { ok: false, reason: check.reason }
    draft.startsAt = startsAt.toLocal()
    draft.photographerId = photographer ?? null
    draft.mergeDetails({ photographerChoice: photographer ?? 'any' })
    await draft.save()
    return { ok: true }
  }
}
