import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import KioskPolicy from '#policies/kiosk_policy'
import SendPaymentLink from '#actions/kiosk/send_payment_link'
import { findByRouteId } from '#services/http/route_ids'

const REFUSALS = {
  nothing_due: 'Nothing is due on this session.',
  no_email: 'This family has no email address: take the balance at the desk.',
} as const

/** From the session card: email the family a link to pay the balance online. */
export default class PaymentLinksController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('takePayment')
    const session = await findByRouteId(PhotoSession, ctx.params.session_id)
    const result = await SendPaymentLink.handle(ctx.actor, session)
    if (result.ok) ctx.session.flash('success', `Payment link emailed to ${result.email}.`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('kiosk.sessions.show', { session_id: session.id })
  }
}
