import type { HttpContext } from '@adonisjs/core/http'
import { bookingNotesValidator } from '#validators/booking'
import QuoteBooking from '#actions/booking/quote_booking'
import SaveBookingDetails from '#actions/booking/save_booking_details'
import { findDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'

/** Step 4: special requests, and styling notes for each child. */
export default class BookingNotesController {
  async edit(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const quote = await QuoteBooking.handle(draft, ctx.auth.user?.id ?? null)
    return ctx.view.render('pages/site/booking/notes', { draft, quote, steps: stepsOf(draft), actionUrl: stepUrl(draft, 'notes') })
  }

  async update(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    await SaveBookingDetails.notes(draft, await ctx.request.validateUsing(bookingNotesValidator))
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, draft.details.paymentOption ? 'review' : 'payment'))
  }
}
