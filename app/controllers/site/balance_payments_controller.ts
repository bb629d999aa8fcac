import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import PhotoSession from '#models/photo_session'
import StartBalancePayment from '#actions/payments/start_balance_payment'
import { BALANCE_LINK_PURPOSE } from '#actions/kiosk/send_payment_link'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { findByRouteId } from '#services/http/route_ids'
import vine from '@vinejs/vine'

const payValidator = vine.compile(vine.object({ idempotencyKey: vine.string().uuid() }))

/** A pay-by-link from the desk: the signed URL is the family's key to their balance, nothing more. */
export default class BalancePaymentsController {
  async create({ params, request, response, view }: HttpContext) {
    if (!request.hasValidSignature(BALANCE_LINK_PURPOSE)) throw new SignedUrlException()
    const session = await findByRouteId(PhotoSession, params.session_id)
    response.header('Cache-Control', 'private, no-store')
    return view.render('pages/site/balance_payments/create', { session, action: request.url(true), paymentKey: randomUUID() })
  }

  async store({ params, request, response, view }: HttpContext) {
    if (!request.hasValidSignature(BALANCE_LINK_PURPOSE)) throw new SignedUrlException()
    const session = await findByRouteId(PhotoSession, params.session_id)
    const { idempotencyKey } = await request.validateUsing(payValidator)
    const returnUrl = appUrl + router.makeUrl('portal.sessions.show', { id: session.id })
    const result = await StartBalancePayment.handle(session, { idempotencyKey, returnUrl })
    if (!result.ok) {
      const refusal = result.reason === 'charge_in_progress' ? 'An instalment of your plan is being charged right now. Look again in a few minutes before paying the rest.' : null
      return view.render('pages/site/balance_payments/create', { session, action: request.url(true), paymentKey: randomUUID(), refusal })
    }
    if (result.start.kind === 'redirect') return response.redirect().status(303).toPath(result.start.url)
    return view.render('pages/site/balance_payments/pay_at_studio', { session, payment: result.payment })
  }
}
