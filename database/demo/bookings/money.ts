import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type PhotoSession from '#models/photo_session'
import type Package from '#models/package'
import Payment from '#models/payment'
import PaymentPlan, { PAYMENTS_PER_PLAN } from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Invoice from '#models/invoice'
import InvoiceItem from '#models/invoice_item'
import type { BookingSpec } from '#database/demo/bookings/plan'

export type BookingContext = {
  spec: BookingSpec
  session: PhotoSession
  pkg: Package
  bookedAt: DateTime
  trx: TransactionClientContract
  now: DateTime
  retryDays: number
  maxAttempts: number
}

const DECLINES = [
  { code: 'card_declined', reason: 'Your card was declined.' },
  { code: 'insufficient_funds', reason: 'Your card has insufficient funds.' },
  { code: 'expired_card', reason: 'Your card has expired.' },
]

/** When each installment falls due: the scenario's installment lands on its day, the rest a month apart. */
export function installmentDates(spec: BookingSpec, bookedAt: DateTime, today: DateTime) {
  const plan = spec.plan!
  const count = PAYMENTS_PER_PLAN[plan.type]
  const anchorIndex = plan.scenario === 'on_track' ? 0 : spec.planAnchor % count
  const anchor = {
    on_track: bookedAt.startOf('day').plus({ days: 7 }),
    due_today: today,
    failing: today.minus({ days: spec.failDays }),
    failed: today.minus({ days: 10 + spec.failDays }),
  }[plan.scenario]
  return Array.from({ length: count }, (_, i) => anchor.plus({ months: i - anchorIndex }))
}

function payment(ctx: BookingContext, attributes: Partial<Payment>) {
  const { session } = ctx
  return Payment.create(
    {
      userId: session.userId,
      photoSessionId: session.id,
      currency: session.currency,
      method: 'card',
      provider: 'stripe',
      providerPaymentId: `pi_demo_${attributes.idempotencyKey!.replace(/\W+/g, '_')}`,
      refundAmount: 0,
      createdAt: attributes.processedAt ?? undefined,
      ...attributes,
    },
    { client: ctx.trx }
  )
}

/** The deposit taken at booking; refunded when a cancellation came in time. Returns the amount kept. */
export async function seedDeposit(ctx: BookingContext, cancelledAt: DateTime | null) {
  const { spec, session } = ctx
  const refunded = spec.status === 'cancelled' && spec.refundDeposit
  await payment(ctx, {
    amount: session.depositAmount,
    paymentType: 'deposit',
    idempotencyKey: `${spec.key}:deposit`,
    status: refunded ? 'refunded' : 'succeeded',
    providerChargeId: `ch_demo_${spec.key.slice(-4)}_deposit`,
    refundAmount: refunded ? session.depositAmount : 0,
    refundReason: refunded ? `Cancelled in time: ${session.cancellationReason}` : null,
    processedAt: refunded ? (cancelledAt ?? ctx.bookedAt) : ctx.bookedAt,
  })
  return refunded ? 0 : session.depositAmount
}

/** The balance paid at the end of a completed session without a plan. */
export async function seedBalancePayment(ctx: BookingContext, amount: number) {
  const { spec, session } = ctx
  await payment(ctx, {
    amount,
    paymentType: 'balance',
    method: spec.paysInStudio ? 'in_studio' : 'card',
    provider: spec.paysInStudio ? 'offline' : 'stripe',
    idempotencyKey: `${spec.key}:balance`,
    status: 'succeeded',
    processedAt: session.startsAt.plus({ minutes: session.estimatedDuration }),
  })
}

/** A 2/3/4-pay plan for the balance with its installments, their payments and failed attempts. */
export async function seedPlan(ctx: BookingContext) {
  const { spec, session, trx, now } = ctx
  const planSpec = spec.plan!
  const today = now.startOf('day')
  const balance = session.totalAmount - session.depositAmount
  const dates = installmentDates(spec, ctx.bookedAt, today)
  const amounts = PaymentPlan.schedule(balance, planSpec.type, dates[0]).map((row) => row.amount)
  const failing = planSpec.scenario === 'failing' || planSpec.scenario === 'failed'
  const failedIndex = failing ? spec.planAnchor % dates.length : -1
  const paidCount = failing ? failedIndex : dates.filter((d) => d < today).length
  const attempts =
    planSpec.scenario === 'failed' ? ctx.maxAttempts : Math.min(1 + (spec.failDays % 2), ctx.maxAttempts - 1)
  const status =
    paidCount === dates.length ? 'completed' : planSpec.scenario === 'failed' ? 'failed' : failing ? 'past_due' : 'active'

  const plan = await PaymentPlan.create(
    {
      userId: session.userId,
      photoSessionId: session.id,
      planType: planSpec.type,
      totalAmount: balance,
      currency: session.currency,
      paymentsTotal: dates.length,
      paymentsCompleted: paidCount,
      nextChargeOn: status === 'completed' ? null : dates[paidCount],
      status,
      failureCount: failing ? attempts : 0,
      stripeCustomerId: `cus_demo_${spec.key.slice(-4)}`,
      stripePaymentMethodId: `pm_demo_${spec.key.slice(-4)}`,
      createdAt: ctx.bookedAt,
    },
    { client: trx }
  )

  // Each installment is written as it stands today (paid, failed, scheduled), never moved
  // through states here: the payment that settled it is linked once the payment exists.
  let paid = 0
  for (const [index, dueOn] of dates.entries()) {
    const sequence = index + 1
    const chargedAt = DateTime.min(dueOn.set({ hour: 9 }), now)
    const decline = DECLINES[spec.failDays % DECLINES.length]
    const retryAt = spec.retryDueNow ? now.minus({ hours: 2 }) : now.plus({ days: 1 }).startOf('day').set({ hour: 9 })
    const outcome =
      index < paidCount
        ? { status: 'paid' as const, attempts: 1, paidAt: chargedAt }
        : index === failedIndex
          ? {
              status: 'failed' as const,
              attempts,
              failureReason: decline.reason,
              nextAttemptAt: planSpec.scenario === 'failed' ? null : retryAt,
            }
          : { status: 'scheduled' as const, attempts: 0 }
    const installment = await PlanInstallment.create(
      { paymentPlanId: plan.id, sequence, dueOn, amount: amounts[index], createdAt: ctx.bookedAt, ...outcome },
      { client: trx }
    )
    if (outcome.status === 'paid') {
      const receipt = await payment(ctx, {
        amount: amounts[index],
        paymentType: 'plan_payment',
        paymentPlanId: plan.id,
        planInstallmentId: installment.id,
        idempotencyKey: `${spec.key}:plan:${sequence}`,
        status: 'succeeded',
        processedAt: chargedAt,
      })
      installment.paymentId = receipt.id
      await installment.save()
      paid += amounts[index]
    } else if (outcome.status === 'failed') {
      for (let attempt = 1; attempt <= attempts; attempt++) {
        await payment(ctx, {
          amount: amounts[index],
          paymentType: 'plan_payment',
          paymentPlanId: plan.id,
          planInstallmentId: installment.id,
          idempotencyKey: `${spec.key}:plan:${sequence}:attempt:${attempt}`,
          status: 'failed',
          failureCode: decline.code,
          failureReason: decline.reason,
          processedAt: DateTime.min(dueOn.plus({ days: (attempt - 1) * ctx.retryDays }).set({ hour: 9 }), now),
        })
      }
    }
  }
  // As the billing run does when a plan fails: the session is flagged until a new card is saved.
  if (status === 'failed') {
    session.paymentFlaggedAt = DateTime.min(dates[failedIndex].plus({ days: (attempts - 1) * ctx.retryDays }).set({ hour: 9 }), now)
    await session.useTransaction(trx).save()
  }
  return { plan, paid, lastDueOn: dates[dates.length - 1] }
}

/** The session's invoice: package and add-ons, issued unless the booking is still unconfirmed. */
export async function seedInvoice(
  ctx: BookingContext,
  amountPaid: number,
  cancelledAt: DateTime | null,
  lastDueOn: DateTime | null
) {
  const { spec, session, pkg, trx } = ctx
  const status = invoiceStatus(spec, session, amountPaid)
  if (!status) return null
  const paidAtSession = spec.status === 'completed' && !spec.plan
  const issuedAt = status === 'draft' ? null : paidAtSession ? session.startsAt : ctx.bookedAt
  const invoice = await Invoice.create(
    {
      userId: session.userId,
      photoSessionId: session.id,
      status,
      subtotal: session.totalAmount,
      taxAmount: 0,
      total: session.totalAmount,
      amountPaid: status === 'void' ? 0 : amountPaid,
      currency: session.currency,
      dueOn: (lastDueOn ?? session.startsAt).startOf('day'),
      issuedAt,
      paidAt: status === 'paid' ? session.startsAt.plus({ minutes: session.estimatedDuration }) : null,
      voidedAt: status === 'void' ? cancelledAt : null,
      createdAt: issuedAt ?? ctx.bookedAt,
    },
    { client: trx }
  )
  const lines = [{ description: `${pkg.name} session`, amount: pkg.basePrice }, ...spec.addOns]
  for (const [position, line] of lines.entries()) {
    await InvoiceItem.create(
      { invoiceId: invoice.id, description: line.description, quantity: 1, unitAmount: line.amount, position },
      { client: trx }
    )
  }
  return invoice
}

function invoiceStatus(spec: BookingSpec, session: PhotoSession, amountPaid: number): Invoice['status'] | null {
  if (spec.status === 'no_show') return null
  if (spec.status === 'cancelled') return spec.refundDeposit ? 'void' : null
  if (amountPaid >= session.totalAmount) return 'paid'
  if (spec.status === 'booked' && !spec.plan) return 'draft'
  return 'open'
}
