import type { HttpContext } from '@adonisjs/core/http'
import { pairingValidator } from '#validators/kiosk'
import ClaimKioskPairing from '#actions/kiosk/claim_kiosk_pairing'
import { KIOSK_COOKIE } from '#middleware/kiosk_device_middleware'
import { describeWait } from '#services/http/describe_wait'

/** On the tablet: type the pairing code an admin was shown; the tablet keeps a long-lived token. */
export default class PairingsController {
  async create({ view }: HttpContext) {
    return view.render('pages/kiosk/pairings/create')
  }

  async store({ request, response, session, view }: HttpContext) {
    const { code } = await request.validateUsing(pairingValidator)
    const result = await ClaimKioskPairing.handle(code, request.ip())
    if (!result.ok) {
      const error = result.reason === 'throttled' ? `Too many wrong codes. Try again in ${describeWait(result.retryAfterSeconds)}.` : 'That code is wrong or has expired. Ask an admin for a new one.'
      response.status(result.reason === 'throttled' ? 429 : 422)
      return view.render('pages/kiosk/pairings/create', { error, code })
    }
    response.encryptedCookie(KIOSK_COOKIE, result.token, { maxAge: '400d', httpOnly: true, sameSite: 'lax' })
    session.flash('success', `This tablet is paired as ${result.device.name}.`)
    return response.redirect().status(303).toRoute('kiosk.staff_session.create')
  }
}
