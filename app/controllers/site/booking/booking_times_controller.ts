import type { HttpContext } from '@adonisjs/core/http'
import Package from '#models/package'
import StudioSetting from '#models/studio_setting'
import { bookingTimeValidator, calendarQueryValidator } from '#validators/booking'
import ChooseBookingTime from '#actions/booking/choose_booking_time'
import LoadMonthView from '#actions/booking/load_month_view'
import { refusalMessage } from '#booking/refusal_messages'
import { findDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'
import { fieldError } from '#services/http/field_error'

/** Step 3: a day on the month calendar, then a time (and a photographer, or any). */
export default class BookingTimesController {
  async edit(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const query = await calendarQueryValidator.validate(ctx.request.qs())
    const settings = await StudioSetting.current()
    const pkg = await Package.findOrFail(draft.packageId)
    const chosen = draft.startsAt?.setZone(settings.timezone)
    const view = await LoadMonthView.handle({
      durationMinutes: pkg.durationMinutes,
      month: query.month ?? (query.date ? undefined : chosen?.toFormat('yyyy-MM')),
      date: query.date ?? chosen?.toISODate() ?? undefined,
    })
    const props = {
      view,
      pkg,
      draft,
      steps: stepsOf(draft),
      pageUrl: stepUrl(draft, 'time'),
      formAction: stepUrl(draft, 'time'),
      chosen: chosen?.toISO({ suppressMilliseconds: true }) ?? null,
      photographerChoice: draft.details.photographerChoice,
      next: ctx.request.qs().next === 'review' ? 'review' : null,
    }
    return ctx.view.render('pages/site/booking/time', props)
  }

  async update(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const input = await ctx.request.validateUsing(bookingTimeValidator)
    const result = await ChooseBookingTime.handle(draft, input)
    if (!result.ok) {
      const field = result.reason === 'photographer_busy' || result.reason === 'photographer_off' ? 'photographer' : 'startsAt'
      throw fieldError(field, refusalMessage(result.reason))
    }
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, input.next === 'review' ? 'review' : 'notes'))
  }
}
