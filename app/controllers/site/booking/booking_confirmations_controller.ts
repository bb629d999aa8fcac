import type { HttpContext } from '@adonisjs/core/http'
import { bookingConfirmationValidator } from '#validators/booking'
import BookSession from '#actions/booking/book_session'
import QuoteBooking from '#actions/booking/quote_booking'
import { refusalMessage } from '#booking/refusal_messages'
import { formatMoney } from '#services/money/format_money'
import { fieldError } from '#services/http/field_error'
import { findDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'

/** Step 6: confirm. Books the session, or says why not (a slot just taken comes with the nearest free ones). */
export default class BookingConfirmationsController {
  async store(ctx: HttpContext) {
    const draft = await findDraft(ctx, { allowBooked: true })
    const user = ctx.auth.user
    if (user?.role !== 'customer' || draft.userId !== user.id) {
      ctx.session.flash('error', 'Create your account or sign in to confirm the booking.')
      return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'review'))
    }
    const expected = await ctx.request.validateUsing(bookingConfirmationValidator)
    const result = await BookSession.handle(ctx.actor, draft, user, expected)

    if (result.ok) {
      if (result.paymentStart?.kind === 'redirect') return ctx.response.redirect(result.paymentStart.url)
      if (!result.alreadyBooked) ctx.session.flash('success', `You're booked! Session ${result.session.sessionNumber} is confirmed by email.`)
      return ctx.response.redirect().status(303).toRoute('portal.sessions.show', { id: result.session.id })
    }
    switch (result.reason) {
      case 'slot_taken': {
        const quote = await QuoteBooking.handle(draft, user.id)
        ctx.response.status(409)
        return ctx.view.render('pages/site/booking/review', { draft, quote, steps: stepsOf(draft), isFamily: true, alternatives: result.alternatives })
      }
      case 'price_changed':
        throw fieldError('total', `The price is now ${formatMoney(result.total)} (${formatMoney(result.dueNow)} due now): check the summary and confirm again.`)
      case 'unavailable':
        ctx.session.flash('error', `${refusalMessage(result.refusal)}.`)
        return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'time'))
      case 'children':
        ctx.session.flash('error', 'Check the children taking part.')
        return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'children'))
      case 'payment_option':
        ctx.session.flash('error', 'That way of paying is not open for this date any more: choose another.')
        return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'payment'))
      case 'package_inactive':
        ctx.session.flash('error', 'That package is not available any more: choose another one.')
        return ctx.response.redirect().status(303).toRoute('booking_drafts.create')
      case 'incomplete':
        return ctx.response.redirect().status(303).toPath(stepUrl(draft, draft.nextStep))
    }
  }
}
