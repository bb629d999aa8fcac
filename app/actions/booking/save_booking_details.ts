import type BookingDraft from '#models/booking_draft'
import type { PaymentOption } from '#models/booking_draft'
import QuoteBooking from '#actions/booking/quote_booking'

/** Steps 4 and 5: notes for the studio, and how to pay. */
export default class SaveBookingDetails {
  /** Special requests, and styling requests for the chosen children only. */
  static async notes(draft: BookingDraft, input: { specialRequests?: string; stylingRequests?: Record<string, string | undefined> }) {
    const chosen = new Set(draft.details.childIds)
    const styling = Object.fromEntries(
      Object.entries(input.stylingRequests ?? {}).filter(([id, text]) => chosen.has(id) && text)
    ) as Record<string, string>
    draft.mergeDetails({ specialRequests: input.specialRequests || null, stylingRequests: styling })
    await draft.save()
  }

  /** A way of paying that is open for this session (plans need it far enough ahead). */
  static async paymentOption(draft: BookingDraft, option: PaymentOption, familyId: string | null) {
    const quote = await QuoteBooking.handle(draft, familyId)
    const terms = quote.options.find((candidate) => candidate.option === option)
    if (!terms?.available) return { ok: false as const, reason: terms?.unavailableBecause ?? 'Choose a time first.' }
    draft.mergeDetails({ paymentOption: option })
    await draft.save()
    return { ok: true as const }
  }
}
