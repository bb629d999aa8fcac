import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type BookingDraft from '#models/booking_draft'
import type Package from '#models/package'
import PhotoSession from '#models/photo_session'
import SessionChild from '#models/session_child'
import SessionEvent from '#models/session_event'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Payment from '#models/payment'
import type { PaymentTerms } from '#booking/payment_terms'
import type { PaymentGateway } from '#services/payments/payment_gateway'
import type { Actor } from '#support/actor'

export interface BookingRows {
  draft: BookingDraft
  pkg: Package
  userId: string
  startsAt: DateTime
  photographerId: string | null
  setNumber: number
  terms: PaymentTerms
  currency: string
  gateway: PaymentGateway
  actor: Actor
}

/** The photo session row itself (numbered as it is created), before its slot is claimed. */
export function createSession(rows: BookingRows, trx: TransactionClientContract) {
  const { terms, draft } = rows
  return PhotoSession.create(
    {
      userId: rows.userId,
      packageId: rows.pkg.id,
      photographerId: rows.photographerId,
      setNumber: rows.setNumber,
      calendarSequence: 0,
      startsAt: rows.startsAt.toLocal(),
      estimatedDuration: rows.pkg.durationMinutes,
      status: 'booked',
      totalAmount: terms.total,
      depositAmount: terms.dueNow,
      balanceDue: terms.total,
      currency: rows.currency,
      specialRequests: draft.details.specialRequests,
    },
    { client: trx }
  )
}

/**
 * The rest of a booking, in the session's transaction: its children with their styling
 * requests, the `session_events` row of the booking, the plan and its installments, and
 * the pending payment of what is due now (its idempotency key comes from the draft, so a
 * booking never asks for the same money twice).
 */
export async function writeBookingDetails(session: PhotoSession, rows: BookingRows, trx: TransactionClientContract) {
  const { draft, terms } = rows
  const details = draft.details
  for (const [index, childId] of details.childIds.entries()) {
    await SessionChild.create(
      {
        photoSessionId: session.id,
        childId,
        primaryChild: index === 0,
        stylingRequests: details.stylingRequests[childId] || null,
        completedStyling: false,
      },
      { client: trx }
    )
  }
  await SessionEvent.create(
    { photoSessionId: session.id, fromStatus: null, toStatus: 'booked', actorId: rows.actor.userId, note: 'Booked online' },
    { client: trx }
  )

  let plan: PaymentPlan | null = null
  if (terms.installments.length) {
    plan = await PaymentPlan.create(
      {
        userId: rows.userId,
        photoSessionId: session.id,
        planType: terms.option as PaymentPlan['planType'],
        totalAmount: terms.installments.reduce((sum, row) => sum + row.amount, 0),
        currency: rows.currency,
        paymentsTotal: terms.installments.length,
        paymentsCompleted: 0,
        nextChargeOn: terms.installments[0].dueOn,
        status: 'active',
        failureCount: 0,
      },
      { client: trx }
    )
    for (const row of terms.installments) {
      await PlanInstallment.create(
        { paymentPlanId: plan.id, sequence: row.sequence, dueOn: row.dueOn, amount: row.amount, status: 'scheduled', attempts: 0 },
        { client: trx }
      )
    }
  }

  const type = terms.option === 'full' ? 'balance' : 'deposit'
  const payment =
    terms.dueNow > 0
      ? await Payment.create(
          {
            userId: rows.userId,
            photoSessionId: session.id,
            amount: terms.dueNow,
            currency: rows.currency,
            paymentType: type,
            method: rows.gateway.method,
            provider: rows.gateway.provider as Payment['provider'],
            idempotencyKey: `booking:${draft.id}:${type}`,
            status: 'pending',
            refundAmount: 0,
          },
          { client: trx }
        )
      : null
  return { plan, payment }
}
