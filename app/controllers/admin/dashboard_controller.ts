import type { HttpContext } from '@adonisjs/core/http'
import LoadStudioDashboard from '#actions/reports/load_studio_dashboard'

export default class DashboardController {
  async show({ view }: HttpContext) {
    return view.render('pages/admin/dashboard/show', { dashboard: await LoadStudioDashboard.handle() })
  }
}
