import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import AuditLog from '#models/audit_log'
import EmailLog from '#models/email_log'

export default class DashboardController {
  async show({ view }: HttpContext) {
    const roleCounts = await User.query().whereNull('deletedAt').select('role').count('* as total').groupBy('role')
    const recentAudit = await AuditLog.query().preload('actor').orderBy('createdAt', 'desc').limit(5)
    const mailCounts = await EmailLog.query().select('status').count('* as total').groupBy('status')
    return view.render('pages/admin/dashboard/show', {
      roleCounts: roleCounts.map((row) => ({ role: row.role, total: Number(row.$extras.total) })),
      mailCounts: mailCounts.map((row) => ({ status: row.status, total: Number(row.$extras.total) })),
      recentAudit,
    })
  }
}
