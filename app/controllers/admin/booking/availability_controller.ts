import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import BusinessHour from '#models/business_hour'
import BlackoutDate from '#models/blackout_date'
import User from '#models/user'
import StudioPolicy from '#policies/studio_policy'
import { bookingRulesValidator } from '#validators/availability'
import UpdateBookingRules from '#actions/availability/update_booking_rules'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** Availability in one page: booking rules, weekly hours with capacity, photographers' weeks, blackouts. */
export default class AvailabilityController {
  async show({ bouncer, view }: HttpContext) {
    await bouncer.with(StudioPolicy).authorize('manage')
    const settings = await StudioSetting.current()
    const photographers = await User.query()
      .where('role', 'photographer')
      .whereNull('deactivated_at')
      .preload('workingDays', (days) => days.orderBy('weekday'))
      .orderBy('first_name')
    const blackouts = await BlackoutDate.query()
      .withScopes((scopes) => scopes.upcoming())
      .preload('photographer')
      .limit(100)
    return view.render('pages/admin/availability/show', {
      settings,
      hours: await BusinessHour.query().withScopes((scopes) => scopes.ordered()),
      photographers,
      blackouts,
      weekdays: WEEKDAYS,
      timezones: Intl.supportedValuesOf('timeZone'),
    })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    await UpdateBookingRules.handle(ctx.actor, await ctx.request.validateUsing(bookingRulesValidator))
    ctx.session.flash('success', 'The booking rules are saved: the calendar uses them from now on.')
    return ctx.response.redirect().status(303).toRoute('admin.availability.show')
  }
}
