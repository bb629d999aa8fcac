import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/lucid'
import router from '@adonisjs/core/services/router'
import Package from '#models/package'
import { calendarQueryValidator } from '#validators/booking'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import LoadMonthView from '#actions/booking/load_month_view'

/**
 * A package's month of availability and a day's free times, as the package page loads it
 * (an htmx fragment, or a page of its own without JavaScript). At most six queries
 * whatever the number of sessions; usually one (see LoadMonthView).
 */
export default class PackageAvailabilitiesController {
  async show({ params, request, view }: HttpContext) {
    const schedule = await LoadStudioSchedule.handle()
    const pkg = schedule.packages.get(String(params.slug))
    if (!pkg) throw new errors.E_ROW_NOT_FOUND(Package)
    const query = await calendarQueryValidator.validate(request.qs())
    const props = {
      pkg,
      view: await LoadMonthView.handle({ durationMinutes: pkg.durationMinutes, month: query.month, date: query.date }),
      pageUrl: router.makeUrl('package_availabilities.show', { slug: pkg.slug }),
      formAction: router.makeUrl('booking_drafts.create'),
    }
    if (request.header('hx-request')) return view.render('pages/site/packages/_availability', props)
    return view.render('pages/site/packages/availability', props)
  }
}
