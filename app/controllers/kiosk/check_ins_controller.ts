import type { HttpContext } from '@adonisjs/core/http'
import KioskPolicy from '#policies/kiosk_policy'
import CheckInSession from '#actions/kiosk/check_in_session'

/** A check-in as a resource: one tap (or a replay of it) checks the family in once. */
export default class CheckInsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('checkIn')
    const result = await CheckInSession.handle(ctx.actor, ctx.params.session_id)
    if (!result.ok && result.reason === 'not_found') return ctx.response.notFound('No such session')
    // htmx swaps the card's status part; the other tablets hear of it and refetch.
    if (ctx.request.header('hx-request')) {
      if (!result.ok) ctx.response.status(409)
      return ctx.view.render('pages/kiosk/board/_state', { card: result.session })
    }
    const number = result.session?.sessionNumber
    if (result.ok) ctx.session.flash('success', result.alreadyCheckedIn ? `${number} was already checked in.` : `${number} is checked in.`)
    else ctx.session.flash('error', `${number} cannot be checked in (it is ${result.session?.status.replace('_', ' ')}).`)
    return ctx.response.redirect().status(303).toRoute('kiosk.board.show')
  }
}
