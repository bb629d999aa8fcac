import type { HttpContext } from '@adonisjs/core/http'
import { bookingSignInValidator } from '#validators/booking_account'
import AttemptLogin from '#actions/auth/attempt_login'
import ClaimBookingDraft from '#actions/booking/claim_booking_draft'
import { stampSession } from '#services/auth/session_epoch'
import { describeWait } from '#services/http/describe_wait'
import { findDraft, stepUrl } from '#controllers/site/booking/draft_access'
import { fieldError } from '#services/http/field_error'

/** A guest who has an account signs in at the last step, under the same throttle as the login page. */
export default class BookingSignInsController {
  async store(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const { loginEmail, loginPassword } = await ctx.request.validateUsing(bookingSignInValidator)
    const result = await AttemptLogin.handle(loginEmail, loginPassword, ctx.request.ip())
    if (!result.ok && result.reason === 'throttled') {
      throw fieldError('loginEmail', `Too many failed sign-in attempts. Try again in ${describeWait(result.retryAfterSeconds)}.`)
    }
    if (!result.ok) throw fieldError('loginPassword', 'The email or password is incorrect.')
    if (result.user.role !== 'customer') throw fieldError('loginEmail', 'Sign in with a family account to book.')

    await ctx.auth.use('web').login(result.user)
    ctx.session.regenerate()
    stampSession(ctx)
    await ClaimBookingDraft.handle(draft, result.user)
    ctx.session.flash('success', `Welcome back, ${result.user.firstName}! Check the details and confirm your booking.`)
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'review'))
  }
}
