import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type BookingDraft from '#models/booking_draft'
import PhotoSession from '#models/photo_session'
import type User from '#models/user'
import type Payment from '#models/payment'
import type { Opening, Refusal } from '#booking/availability'
import { claimChecked } from '#booking/slot_claims'
import QuoteBooking from '#actions/booking/quote_booking'
import LoadAvailability from '#actions/booking/load_availability'
import NotifyBooking from '#actions/booking/notify_booking'
import { createSession, writeBookingDetails } from '#actions/booking/write_booking'
import { paymentGateway } from '#services/payments/gateway'
import type { PaymentStart } from '#services/payments/payment_gateway'
import type { Actor } from '#support/actor'
import { affectedRows } from '#support/db/affected_rows'

export type BookSessionResult =
  | { ok: true; session: PhotoSession; payment: Payment | null; paymentStart: PaymentStart | null; alreadyBooked: boolean }
  | { ok: false; reason: 'slot_taken'; alternatives: Opening[] }
  | { ok: false; reason: 'unavailable'; refusal: Refusal }
  | { ok: false; reason: 'incomplete' | 'children' | 'payment_option' | 'package_inactive' }
  | { ok: false; reason: 'price_changed'; total: number; dueNow: number }

/** What the family saw on the review page; a tampered or stale page books nothing. */
export interface ExpectedAmounts {
  total: number
  dueNow: number
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal)
  }
}
class AlreadyBooked extends Error {}

const TAKEN: Refusal[] = ['full', 'photographer_busy', 'day_full']

/**
 * Confirms a booking draft: one transaction that numbers the session, claims its slot
 * (the constraint-based guard: of fifty families confirming the last slot at once,
 * exactly one gets it), writes its children, history, plan and pending payment, and marks
 * the draft booked. Then, outside the transaction, the payment is started through the
 * gateway and the confirmation email goes out with its .ics and QR code.
 */
export default class BookSession {
  static async handle(actor: Actor, draft: BookingDraft, family: User, expected: ExpectedAmounts): Promise<BookSessionResult> {
    if (draft.photoSessionId) return alreadyBooked(draft.photoSessionId)
    const quote = await QuoteBooking.handle(draft, family.id)
    const { pkg, settings, startsAt, chosen } = quote
    const details = draft.details
    if (!pkg.active) return { ok: false, reason: 'package_inactive' }
    if (!startsAt || !details.paymentOption || !details.childIds.length) return { ok: false, reason: 'incomplete' }
    if (quote.children.length !== details.childIds.length || quote.children.length > pkg.maxChildren) {
      return { ok: false, reason: 'children' }
    }
    if (!chosen) return { ok: false, reason: 'payment_option' }
    if (expected.total !== chosen.total || expected.dueNow !== chosen.dueNow) {
      return { ok: false, reason: 'price_changed', total: chosen.total, dueNow: chosen.dueNow }
    }

    const gateway = paymentGateway()
    const now = DateTime.now()
    const date = startsAt.toISODate()!
    const choice = details.photographerChoice === 'any' ? undefined : details.photographerChoice
    let written: { session: PhotoSession; payment: Payment | null }
    try {
      written = await db.transaction(async (trx) => {
        // Takes the draft: a second confirmation of it waits here, then finds it booked.
        const draftRow = trx.from('booking_drafts').where('id', draft.id).whereNull('photo_session_id')
        if (!affectedRows(await draftRow.update({ updated_at: now.toLocal().toFormat(trx.dialect.dateTimeFormat) }))) {
          throw new AlreadyBooked()
        }
        const availability = await LoadAvailability.handle({ from: date, to: date, client: trx, settings, now })
        const check = availability.check(startsAt, pkg.durationMinutes, { photographerId: choice })
        if (!check.ok) throw new Refused(check.reason)

        const rows = {
          draft,
          pkg,
          userId: family.id,
          startsAt,
          photographerId: check.photographerId,
          setNumber: check.setNumber,
          terms: chosen,
          currency: settings.currency,
          gateway,
          actor,
        }
        const session = await createSession(rows, trx)
        const claim = await claimChecked(trx, session.id, availability, check, pkg.durationMinutes)
        if (!claim.ok) throw new Refused(claim.reason)
        if (claim.photographerId !== session.photographerId || claim.setNumber !== session.setNumber) {
          session.merge({ photographerId: claim.photographerId, setNumber: claim.setNumber })
          await session.useTransaction(trx).save()
        }
        const { payment } = await writeBookingDetails(session, rows, trx)
        await trx.from('booking_drafts').where('id', draft.id).update({ photo_session_id: session.id })
        return { session, payment }
      })
    } catch (error) {
      if (error instanceof AlreadyBooked) return alreadyBooked((await draft.refresh()).photoSessionId!)
      if (!(error instanceof Refused)) throw error
      if (!TAKEN.includes(error.refusal)) return { ok: false, reason: 'unavailable', refusal: error.refusal }
      return { ok: false, reason: 'slot_taken', alternatives: await nearest(startsAt, pkg.durationMinutes, choice) }
    }

    draft.photoSessionId = written.session.id
    const paymentStart = await NotifyBooking.handle(written.session, written.payment, family, settings)
    return { ok: true, session: written.session, payment: written.payment, paymentStart, alreadyBooked: false }
  }
}

async function alreadyBooked(sessionId: string): Promise<BookSessionResult> {
  const session = await PhotoSession.findOrFail(sessionId)
  return { ok: true, session, payment: null, paymentStart: null, alreadyBooked: true }
}

/** The free slots nearest the one just taken, read afresh (the winner's claim included). */
async function nearest(startsAt: DateTime, durationMinutes: number, photographerId?: string) {
  const from = startsAt.minus({ days: 14 }).toISODate()!
  const to = startsAt.plus({ days: 14 }).toISODate()!
  const availability = await LoadAvailability.handle({ from, to })
  const withThem = availability.nearest(startsAt, durationMinutes, 3, { photographerId })
  return withThem.length || !photographerId ? withThem : availability.nearest(startsAt, durationMinutes, 3)
}
