import type { HttpContext } from '@adonisjs/core/http'
import PhotographerAgenda from '#actions/sessions/photographer_agenda'

/** The photographer's day: today's and this week's sessions with what to prepare. */
export default class DashboardController {
  async show({ auth, view }: HttpContext) {
    return view.render('pages/photographer/dashboard/show', await PhotographerAgenda.handle(auth.user!.id))
  }
}
