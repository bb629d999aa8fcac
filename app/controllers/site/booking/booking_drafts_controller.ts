import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import Package from '#models/package'
import { startBookingValidator } from '#validators/booking'
import StartBookingDraft from '#actions/booking/start_booking_draft'
import QuoteBooking from '#actions/booking/quote_booking'
import { findDraft, rememberDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'

/** A booking in progress: step 1 (create/store) and the review, step 6 (show). */
export default class BookingDraftsController {
  async create({ request, view }: HttpContext) {
    const packages = await Package.query().withScopes((scopes) => scopes.active())
    const startsAt = DateTime.fromISO(String(request.qs().startsAt ?? ''), { setZone: true })
    return view.render('pages/site/booking/create', {
      packages,
      chosen: request.qs().package ?? null,
      startsAt: startsAt.isValid ? startsAt : null,
    })
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(startBookingValidator)
    const result = await StartBookingDraft.handle({ ...input, userId: ctx.auth.user?.id ?? null })
    if (!result.ok) {
      ctx.session.flash('error', 'That package is not available any more: choose another one.')
      return ctx.response.redirect().status(303).toRoute('booking_drafts.create')
    }
    rememberDraft(ctx, result.draft)
    return ctx.response.redirect().status(303).toPath(stepUrl(result.draft, 'children'))
  }

  async show(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    if (draft.nextStep !== 'review') return ctx.response.redirect().toPath(stepUrl(draft, draft.nextStep))
    const quote = await QuoteBooking.handle(draft, ctx.auth.user?.id ?? null)
    return ctx.view.render('pages/site/booking/review', { draft, quote, steps: stepsOf(draft), isFamily: ctx.auth.user?.role === 'customer' })
  }
}
