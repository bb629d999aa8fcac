import type { HttpContext } from '@adonisjs/core/http'
import BusinessHour from '#models/business_hour'
import StudioPolicy from '#policies/studio_policy'
import { businessHourValidator } from '#validators/availability'
import SaveBusinessHour from '#actions/availability/save_business_hour'
import { fieldError } from '#services/http/field_error'
import { findByRouteId } from '#services/http/route_ids'

/** The weekly opening intervals, each with its capacity (parallel sessions). */
export default class BusinessHoursController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    return save(ctx, new BusinessHour())
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    return save(ctx, await findByRouteId(BusinessHour, ctx.params.id))
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    await SaveBusinessHour.destroy(ctx.actor, await findByRouteId(BusinessHour, ctx.params.id))
    ctx.session.flash('success', 'The opening hours are removed.')
    return ctx.response.redirect().status(303).toRoute('admin.availability.show')
  }
}

async function save(ctx: HttpContext, hour: BusinessHour) {
  const input = await ctx.request.validateUsing(businessHourValidator)
  const result = await SaveBusinessHour.handle(ctx.actor, input, hour)
  if (!result.ok) throw fieldError('opensAt', `Overlaps ${result.other.opensAt}–${result.other.closesAt} that day`)
  ctx.session.flash('success', 'The opening hours are saved.')
  return ctx.response.redirect().status(303).toRoute('admin.availability.show')
}
