import type { HttpContext } from '@adonisjs/core/http'
import { bookingPaymentValidator } from '#validators/booking'
import QuoteBooking from '#actions/booking/quote_booking'
import SaveBookingDetails from '#actions/booking/save_booking_details'
import { findDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'
import { fieldError } from '#services/http/field_error'

/** Step 5: pay in full, a deposit now and the balance later, or a 2/3/4-payment plan; amounts shown. */
export default class BookingPaymentsController {
  async edit(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    if (!draft.startsAt) return ctx.response.redirect().toPath(stepUrl(draft, 'time'))
    const quote = await QuoteBooking.handle(draft, ctx.auth.user?.id ?? null)
    return ctx.view.render('pages/site/booking/payment', { draft, quote, steps: stepsOf(draft), actionUrl: stepUrl(draft, 'payment') })
  }

  async update(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const { paymentOption } = await ctx.request.validateUsing(bookingPaymentValidator)
    const result = await SaveBookingDetails.paymentOption(draft, paymentOption, ctx.auth.user?.id ?? null)
    if (!result.ok) throw fieldError('paymentOption', result.reason)
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'review'))
  }
}
