import { DateTime } from 'luxon'
import BookingDraft, { DRAFT_DAYS, EMPTY_DRAFT } from '#models/booking_draft'
import Package from '#models/package'
import LoadAvailability from '#actions/booking/load_availability'

export type StartBookingDraftResult = { ok: true; draft: BookingDraft } | { ok: false; reason: 'package_unavailable' }

/**
 * Step 1: a draft for a package, the family's or a guest's. A time picked on the package
 * page comes along when it is still free; otherwise step 3 asks again.
 */
export default class StartBookingDraft {
  static async handle(input: { packageId: string; userId: string | null; startsAt?: string }): Promise<StartBookingDraftResult> {
    const pkg = await Package.query().where('id', input.packageId).where('active', true).first()
    if (!pkg) return { ok: false, reason: 'package_unavailable' }
    const draft = await BookingDraft.create({
      userId: input.userId,
      packageId: pkg.id,
      data: { ...EMPTY_DRAFT },
      expiresAt: DateTime.now().plus({ days: DRAFT_DAYS }),
    })
    const startsAt = input.startsAt ? DateTime.fromISO(input.startsAt) : null
    if (startsAt?.isValid) {
      const date = startsAt.toISODate()!
      const availability = await LoadAvailability.handle({ from: date, to: date })
      if (availability.check(startsAt, pkg.durationMinutes).ok) {
        draft.startsAt = startsAt.toLocal()
        await draft.save()
      }
    }
    return { ok: true, draft }
  }
}
