import type { HttpContext } from '@adonisjs/core/http'
import BlackoutDate from '#models/blackout_date'
import User from '#models/user'
import StudioPolicy from '#policies/studio_policy'
import { blackoutValidator } from '#validators/availability'
import ManageBlackouts from '#actions/availability/manage_blackouts'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'

/** Days off: the whole studio, or one photographer. */
export default class BlackoutDatesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const input = await ctx.request.validateUsing(blackoutValidator)
    if (input.photographerId && !(await User.query().where('id', input.photographerId).where('role', 'photographer').first())) {
      throw fieldError('photographerId', 'Choose one of the photographers')
    }
    const created = await ManageBlackouts.add(ctx.actor, input)
    ctx.session.flash('success', created.length ? `${created.length} ${created.length === 1 ? 'day is' : 'days are'} blocked: ${input.reason}.` : 'Those days were already blocked.')
    return ctx.response.redirect().status(303).toRoute('admin.availability.show')
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const blackout = await findByRouteId(BlackoutDate, ctx.params.id)
    await ManageBlackouts.remove(ctx.actor, blackout)
    ctx.session.flash('success', `${blackout.date.toFormat('LLL d')} is open for bookings again.`)
    return ctx.response.redirect().status(303).toRoute('admin.availability.show')
  }
}
