import type { HttpContext } from '@adonisjs/core/http'
import EmailLog from '#models/email_log'

export default class EmailLogsController {
  async index({ request, view }: HttpContext) {
    const page = Math.max(1, Number(request.input('page', 1)) || 1)
    const logs = await EmailLog.query().orderBy('createdAt', 'desc').orderBy('id').paginate(page, 50)
    logs.baseUrl(request.url())
    return view.render('pages/admin/email_logs/index', { logs })
  }

  async show({ params, request, response, view }: HttpContext) {
    const log = await EmailLog.findOrFail(params.id)
    if (request.input('render') === 'html') {
      // The message body, alone, for the sandboxed preview frame: its own strict policy.
      response.header('Content-Security-Policy', "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; frame-ancestors 'self'")
      response.header('X-Frame-Options', 'SAMEORIGIN')
      return response.type('html').send(log.html ?? '<p>(no HTML part)</p>')
    }
    return view.render('pages/admin/email_logs/show', { log })
  }
}
