import type { HttpContext } from '@adonisjs/core/http'
import { kioskPinValidator } from '#validators/kiosk'
import SetKioskPin from '#actions/kiosk/set_kiosk_pin'

/** A staff member's own tablet PIN. */
export default class PinsController {
  async edit({ view }: HttpContext) {
    return view.render('pages/kiosk/pins/edit')
  }

  async update({ auth, request, response, session }: HttpContext) {
    const { pin } = await request.validateUsing(kioskPinValidator)
    await SetKioskPin.handle(auth.user!, pin)
    session.flash('success', 'Your PIN is set: tap your name on the sign-in screen next time.')
    return response.redirect().status(303).toRoute('kiosk.board.show')
  }
}
