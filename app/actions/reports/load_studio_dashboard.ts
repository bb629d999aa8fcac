import { DateTime } from 'luxon'
import AuditLog from '#models/audit_log'
import Gallery from '#models/gallery'
import Order from '#models/order'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import CountUpcomingSessions from '#actions/sessions/count_upcoming_sessions'
import LoadAttentionList from '#actions/reports/load_attention_list'
import { monthlyRevenue } from '#actions/payments/payments_overview'
import { sqlTime } from '#support/db/sql_time'

/** Orders the studio still has to act on, in the order they move. */
const OPEN_ORDER_STATUSES = ['pending', 'paid', 'in_production', 'shipped'] as const

/**
 * The admin's first screen: what needs the studio's hand (LoadAttentionList), money kept
 * per month, sessions ahead, orders waiting on the studio, galleries about to expire, and
 * who did what lately.
 */
export default class LoadStudioDashboard {
  static async handle(now: DateTime = DateTime.now()) {
    const settings = await StudioSetting.current()
    const today = now.setZone(settings.timezone)
    const [attention, revenue, sessionsAhead, orders, expiring, published, roles, recentAudit] = await Promise.all([
      LoadAttentionList.handle(now),
      monthlyRevenue(today),
      CountUpcomingSessions.handle(settings.timezone),
      Order.query().whereIn('status', [...OPEN_ORDER_STATUSES]).select('status').count('* as total').groupBy('status'),
      Gallery.query()
        .where('status', 'published')
        .whereNotNull('expires_at')
        .where('expires_at', '>', sqlTime(now))
        .where('expires_at', '<=', sqlTime(now.plus({ days: 7 })))
        .orderBy('expires_at', 'asc')
        .limit(5),
      Gallery.query().where('status', 'published').count('* as total').first(),
      User.query().whereNull('deletedAt').select('role').count('* as total').groupBy('role'),
      AuditLog.query().preload('actor').orderBy('createdAt', 'desc').limit(5),
    ])
    const orderCounts = new Map(orders.map((row) => [row.status, Number(row.$extras.total)]))
    const thisMonth = revenue[revenue.length - 1]
    return {
      currency: settings.currency,
      attention,
      revenue,
      keptThisMonth: thisMonth.cents,
      sessionsAhead,
      sessionsThisWeek: sessionsAhead.slice(0, 7).reduce((sum, day) => sum + day.value, 0),
      orders: OPEN_ORDER_STATUSES.map((status) => ({ status, total: orderCounts.get(status) ?? 0 })),
      expiringGalleries: expiring,
      publishedGalleries: Number(published?.$extras.total ?? 0),
      roleCounts: roles.map((row) => ({ role: row.role, total: Number(row.$extras.total) })),
      recentAudit,
    }
  }
}
