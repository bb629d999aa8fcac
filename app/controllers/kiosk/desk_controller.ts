import type { HttpContext } from '@adonisjs/core/http'

/** The front-desk home. Check-ins arrive with the kiosk issue. */
export default class DeskController {
  async show({ view }: HttpContext) {
    return view.render('pages/kiosk/desk/show')
  }
}
