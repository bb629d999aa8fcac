import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import { sqlTime } from '#support/db/sql_time'

export interface DeskTakings {
  total: number
  count: number
  byMethod: { method: string; total: number; count: number }[]
}

/**
 * The payments area's panels: plans past due, the failed-charges queue, today's takings
 * at the desk (in the studio's day) and money kept per month over the last twelve.
 */
export default class PaymentsOverview {
  static async handle(timezone: string, now: DateTime = DateTime.now()) {
    const today = now.setZone(timezone)
    const [pastDuePlans, overdueInstallments, failedCharges, desk, monthly] = await Promise.all([
      PaymentPlan.query().whereIn('status', ['past_due', 'failed']).preload('user').orderBy('updated_at', 'desc').limit(20),
      PlanInstallment.query().whereIn('status', ['scheduled', 'failed']).where('due_on', '<', today.toISODate()!).count('* as total').first(),
      Payment.query().where('status', 'failed').preload('user').orderBy('updated_at', 'desc').limit(20),
      deskTakings(today),
      monthlyRevenue(today),
    ])
    return { pastDuePlans, overdueInstallments: Number(overdueInstallments?.$extras.total ?? 0), failedCharges, desk, monthly }
  }
}

/** Money taken at the desk today (received by a studio member), by how it was paid. */
async function deskTakings(today: DateTime): Promise<DeskTakings> {
  const rows = await Payment.query()
    .where('provider', 'offline')
    .whereNotNull('received_by')
    .whereIn('status', ['succeeded', 'partially_refunded', 'refunded'])
    .where('processed_at', '>=', sqlTime(today.startOf('day').toUTC().setZone('local')))
    .where('processed_at', '<', sqlTime(today.endOf('day').toUTC().setZone('local')))
    .select('method')
    .sum('amount as total')
    .count('* as count')
    .groupBy('method')
  const byMethod = rows.map((row) => ({ method: row.method, total: Number(row.$extras.total), count: Number(row.$extras.count) }))
  return { total: byMethod.reduce((sum, row) => sum + row.total, 0), count: byMethod.reduce((sum, row) => sum + row.count, 0), byMethod }
}

/** Money kept (paid less refunded) per month of the studio's calendar, oldest first. */
export async function monthlyRevenue(today: DateTime) {
  const first = today.startOf('month').minus({ months: 11 })
  const rows = await Payment.query()
    .whereIn('status', ['succeeded', 'partially_refunded', 'refunded'])
    .where('processed_at', '>=', sqlTime(first.toUTC().setZone('local')))
    .select('processed_at', 'amount', 'refund_amount')
    .pojo<{ processed_at: string | Date; amount: number; refund_amount: number }>()
  const months = Array.from({ length: 12 }, (_, index) => first.plus({ months: index }))
  const totals = new Map(months.map((month) => [month.toFormat('yyyy-LL'), 0]))
  for (const row of rows) {
    const at = row.processed_at instanceof Date ? DateTime.fromJSDate(row.processed_at) : DateTime.fromSQL(row.processed_at)
    const key = at.setZone(today.zone).toFormat('yyyy-LL')
    if (totals.has(key)) totals.set(key, totals.get(key)! + Number(row.amount) - Number(row.refund_amount))
  }
  return months.map((month) => ({ key: month.toFormat('yyyy-LL'), label: month.toFormat('LLL yy'), cents: totals.get(month.toFormat('yyyy-LL'))! }))
}
