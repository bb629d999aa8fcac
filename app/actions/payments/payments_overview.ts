import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Refund from '#models/refund'
import { sqlTime } from '#support/db/sql_time'

export interface DeskTakings {
  total: number
  count: number
  byMethod: { method: string; total: number; count: number }[]
}

/** How many rows a panel lists; its count is the true one. */
const PANEL_ROWS = 20

const SETTLED = ['succeeded', 'partially_refunded', 'refunded']

/**
 * The payments area's panels: plans past due, the failed charges still to chase, today's
 * takings at the desk (in the studio's day) and money kept per month over the last twelve.
 */
export default class PaymentsOverview {
  static async handle(settings: { timezone: string; currency: string }, now: DateTime = DateTime.now()) {
    const today = now.setZone(settings.timezone)
    const pastDue = () => PaymentPlan.query().whereIn('status', ['past_due', 'failed'])
    const [pastDuePlans, pastDueCount, overdueInstallments, failedCharges, failedCount, desk, monthly] = await Promise.all([
      pastDue().preload('user').orderBy('updated_at', 'desc').limit(PANEL_ROWS),
      pastDue().count('* as total').first(),
      PlanInstallment.query().whereIn('status', ['scheduled', 'failed']).where('due_on', '<', today.toISODate()!).count('* as total').first(),
      failedToChase().preload('user').orderBy('updated_at', 'desc').limit(PANEL_ROWS),
      failedToChase().count('* as total').first(),
      deskTakings(today),
      monthlyRevenue(today),
    ])
    return {
      currency: settings.currency,
      pastDuePlans,
      pastDueCount: total(pastDueCount),
      overdueInstallments: total(overdueInstallments),
      failedCharges,
      failedCount: total(failedCount),
      desk,
      monthly,
    }
  }
}

function total(row: { $extras: Record<string, unknown> } | null) {
  return Number(row?.$extras.total ?? 0)
}

/**
 * Failed charges whose money is still owed: the instalment is unpaid (on a plan not
 * cancelled), the order still pending, or the session still owes (and, for a deposit, no
 * other deposit went through). A decline that a retry later paid is nothing to chase.
 * A charge tied to none of these stays listed: nothing says it was paid since.
 */
function failedToChase() {
  return Payment.query()
    .where('payments.status', 'failed')
    .where((query) => {
      query
        .where((installment) => {
          installment.whereNotNull('payments.plan_installment_id').whereExists(
            db
              .from('plan_installments')
              .join('payment_plans', 'payment_plans.id', 'plan_installments.payment_plan_id')
              .whereColumn('plan_installments.id', 'payments.plan_installment_id')
              .whereNot('plan_installments.status', 'paid')
              .whereNot('payment_plans.status', 'cancelled')
          )
        })
        .orWhere((order) => {
          order
            .whereNull('payments.plan_installment_id')
            .whereNotNull('payments.order_id')
            .whereExists(db.from('orders').whereColumn('orders.id', 'payments.order_id').where('orders.status', 'pending'))
        })
        .orWhere((session) => {
          session
            .whereNull('payments.plan_installment_id')
            .whereNull('payments.order_id')
            .whereNotNull('payments.photo_session_id')
            .whereExists(
              db
                .from('photo_sessions')
                .whereColumn('photo_sessions.id', 'payments.photo_session_id')
                .where('photo_sessions.balance_due', '>', 0)
                .whereNot('photo_sessions.status', 'cancelled')
            )
            .whereNotExists(
              db
                .from('payments as settled')
                .whereColumn('settled.photo_session_id', 'payments.photo_session_id')
                .whereColumn('settled.payment_type', 'payments.payment_type')
                .where('settled.payment_type', 'deposit')
                .whereIn('settled.status', SETTLED)
            )
        })
        .orWhere((loose) => {
          loose.whereNull('payments.plan_installment_id').whereNull('payments.order_id').whereNull('payments.photo_session_id')
        })
    })
}

/** Money taken at the desk today (received by a studio member), by how it was paid. */
async function deskTakings(today: DateTime): Promise<DeskTakings> {
  const rows = await Payment.query()
    .where('provider', 'offline')
    .whereNotNull('received_by')
    .whereIn('status', SETTLED)
    .where('processed_at', '>=', sqlTime(today.startOf('day').toUTC().setZone('local')))
    .where('processed_at', '<', sqlTime(today.endOf('day').toUTC().setZone('local')))
    .select('method')
    .sum('amount as total')
    .count('* as count')
    .groupBy('method')
  const byMethod = rows.map((row) => ({ method: row.method, total: Number(row.$extras.total), count: Number(row.$extras.count) }))
  return { total: byMethod.reduce((sum, row) => sum + row.total, 0), count: byMethod.reduce((sum, row) => sum + row.count, 0), byMethod }
}

/**
 * Money kept per month of the studio's calendar, oldest first: payments in the month they
 * were taken, less refunds in the month they were given back (a refund in March of a
 * January payment lowers March).
 */
export async function monthlyRevenue(today: DateTime) {
  const first = today.startOf('month').minus({ months: 11 })
  const since = sqlTime(first.toUTC().setZone('local'))
  const [paid, refunded] = await Promise.all([
    Payment.query().whereIn('status', SETTLED).where('processed_at', '>=', since).select('processed_at as at', 'amount').pojo<Row>(),
    // `pending` refunds are already counted on their payment (the provider settles them later).
    Refund.query().whereIn('status', ['succeeded', 'pending']).where('created_at', '>=', since).select('created_at as at', 'amount').pojo<Row>(),
  ])
  const months = Array.from({ length: 12 }, (_, index) => first.plus({ months: index }))
  const totals = new Map(months.map((month) => [month.toFormat('yyyy-LL'), 0]))
  const add = (row: Row, sign: 1 | -1) => {
    const at = row.at instanceof Date ? DateTime.fromJSDate(row.at) : DateTime.fromSQL(row.at)
    const key = at.setZone(today.zone).toFormat('yyyy-LL')
    if (totals.has(key)) totals.set(key, totals.get(key)! + sign * Number(row.amount))
  }
  for (const row of paid) add(row, 1)
  for (const row of refunded) add(row, -1)
  return months.map((month) => ({ key: month.toFormat('yyyy-LL'), label: month.toFormat('LLL yy'), cents: totals.get(month.toFormat('yyyy-LL'))! }))
}

type Row = { at: string | Date; amount: number }
