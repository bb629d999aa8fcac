import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'

export default class AuditLogsController {
  async index({ request, view }: HttpContext) {
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    const logs = await AuditLog.query().preload('actor').orderBy('createdAt', 'desc').orderBy('id').paginate(page, 50)
    logs.baseUrl(request.url())
    return view.render('pages/admin/audit_logs/index', { logs })
  }
}
