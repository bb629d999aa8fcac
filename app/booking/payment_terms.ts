import { DateTime } from 'luxon'
import PaymentPlan, { PAYMENTS_PER_PLAN, type PlanType } from '#models/payment_plan'
import type { PaymentOption } from '#models/booking_draft'

/**
 * What a family pays when, for each way of paying, shown before they confirm and written
 * as is at booking:
 *   full     the whole price now;
 *   deposit  the deposit now, the balance at (or before) the session;
 *   N_pay    the deposit now, the balance in N installments, evenly spread, the last one
 *            `finalDueDays` before the session; cents sum exactly, the remainder on the first.
 */
export interface PaymentTerms {
  option: PaymentOption
  available: boolean
  /** Why not, when not available. */
  unavailableBecause: string | null
  total: number
  dueNow: number
  /** Paid at or before the session, outside any plan. */
  balanceLater: number
  installments: { sequence: number; dueOn: DateTime; amount: number }[]
}

export interface TermsInput {
  total: number
  depositPercent: number
  /** The studio's today and the session's date (ISO, studio calendar). */
  today: string
  sessionDate: string
  finalDueDays: number
}

export function paymentTerms(option: PaymentOption, input: TermsInput): PaymentTerms {
  const deposit = Math.round((input.total * input.depositPercent) / 100)
  const base = { option, available: true, unavailableBecause: null, total: input.total, installments: [] }
  if (option === 'full') return { ...base, dueNow: input.total, balanceLater: 0 }
  if (option === 'deposit') {
    if (deposit <= 0 || deposit >= input.total) {
      return { ...base, available: false, unavailableBecause: 'The studio takes no deposit.', dueNow: 0, balanceLater: 0 }
    }
    return { ...base, dueNow: deposit, balanceLater: input.total - deposit }
  }
  const installments = planSchedule(input.total - deposit, option, input)
  if (!installments) {
    return {
      ...base,
      available: false,
      unavailableBecause: `Needs the session at least ${input.finalDueDays + PAYMENTS_PER_PLAN[option]} days away.`,
      dueNow: deposit,
      balanceLater: 0,
    }
  }
  return { ...base, dueNow: deposit, balanceLater: 0, installments }
}

/** Every way of paying, in the order the form lists them. */
export function allPaymentTerms(input: TermsInput) {
  return (['full', 'deposit', '2_pay', '3_pay', '4_pay'] as const).map((option) => paymentTerms(option, input))
}

/** Due dates evenly spaced up to the last one, amounts from PaymentPlan.schedule; null when too close. */
function planSchedule(balance: number, type: PlanType, input: TermsInput) {
  const count = PAYMENTS_PER_PLAN[type]
  const today = DateTime.fromISO(input.today, { zone: 'utc' })
  const lastDue = DateTime.fromISO(input.sessionDate, { zone: 'utc' }).minus({ days: input.finalDueDays })
  const interval = Math.floor(lastDue.diff(today, 'days').days / count)
  if (balance < count || interval < 1) return null
  return PaymentPlan.schedule(balance, type, today).map((row) => ({
    ...row,
    dueOn: lastDue.minus({ days: (count - row.sequence) * interval }),
  }))
}
