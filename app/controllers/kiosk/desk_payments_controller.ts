import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import KioskPolicy from '#policies/kiosk_policy'
import TakeDeskPayment from '#actions/kiosk/take_desk_payment'
import { deskPaymentValidator } from '#validators/kiosk'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'
import { formatMoney } from '#services/money/format_money'

const REFUSALS = {
  nothing_due: 'Nothing is due on this session.',
  more_than_due: 'That is more than the balance due.',
  not_received: 'That payment could not be recorded; check the session before trying again.',
} as const

/** The balance taken at the desk (cash or card terminal), through the offline gateway. */
export default class DeskPaymentsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('takePayment')
    const session = await findByRouteId(PhotoSession, ctx.params.session_id)
    const { amount, method, idempotencyKey } = await ctx.request.validateUsing(deskPaymentValidator)
    const result = await TakeDeskPayment.handle(ctx.actor, session, { amount: Math.round(amount * 100), method, idempotencyKey })
    if (!result.ok) throw fieldError('amount', REFUSALS[result.reason])
    ctx.session.flash('success', `${formatMoney(result.payment.amount, result.payment.currency)} received by ${method}; the receipt is emailed.`)
    return ctx.response.redirect().status(303).toRoute('kiosk.sessions.show', { session_id: session.id })
  }
}
