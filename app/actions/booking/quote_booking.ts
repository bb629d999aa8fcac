import { DateTime } from 'luxon'
import type BookingDraft from '#models/booking_draft'
import Child from '#models/child'
import Package from '#models/package'
import StudioSetting from '#models/studio_setting'
import { allPaymentTerms, type PaymentTerms } from '#booking/payment_terms'

export interface BookingQuote {
  pkg: Package
  settings: StudioSetting
  /** In the studio's timezone. */
  startsAt: DateTime | null
  children: { id: string; name: string }[]
  /** Every way of paying with its amounts (empty until a time is chosen). */
  options: PaymentTerms[]
  chosen: PaymentTerms | null
}

/**
 * A draft as the family sees it before confirming: the package, its children (the
 * family's own, or the ones a guest added on the way), and what is paid when.
 */
export default class QuoteBooking {
  static async handle(draft: BookingDraft, familyId: string | null): Promise<BookingQuote> {
    const settings = await StudioSetting.current()
    const pkg = await Package.findOrFail(draft.packageId)
    const details = draft.details
    const startsAt = draft.startsAt?.setZone(settings.timezone) ?? null
    const options = startsAt
      ? allPaymentTerms({
          total: pkg.basePrice,
          depositPercent: settings.depositPercent,
          today: DateTime.now().setZone(settings.timezone).toISODate()!,
          sessionDate: startsAt.toISODate()!,
          finalDueDays: settings.planFinalDueDays,
        })
      : []
    return {
      pkg,
      settings,
      startsAt,
      children: await childrenOf(draft, familyId),
      options,
      chosen: options.find((terms) => terms.option === details.paymentOption && terms.available) ?? null,
    }
  }
}

async function childrenOf(draft: BookingDraft, familyId: string | null) {
  const details = draft.details
  const guests = new Map(details.guestChildren.map((child) => [child.id, `${child.firstName} ${child.lastName}`]))
  const own = familyId && details.childIds.length
    ? await Child.query().where('parent_id', familyId).whereIn('id', details.childIds)
    : []
  const names = new Map([...guests, ...own.map((child) => [child.id, child.fullName] as const)])
  return details.childIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }))
}
