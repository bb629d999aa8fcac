import type { HttpContext } from '@adonisjs/core/http'
import { registrationValidator } from '#validators/auth'
import RegisterCustomer from '#actions/auth/register_customer'
import { findDraft, stepUrl } from '#controllers/site/booking/draft_access'

/**
 * A guest creates their family account at the last step. Sign-up is email first (the
 * answer never tells whether an address has an account): the emailed link signs them in
 * and brings them back to this review, where the draft, kept by this browser, becomes theirs.
 */
export default class BookingAccountsController {
  async store(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const input = await ctx.request.validateUsing(registrationValidator)
    await RegisterCustomer.handle(input)
    const review = stepUrl(draft, 'review')
    ctx.session.put('intended_url', review)
    ctx.session.flash('signupSentTo', input.email)
    return ctx.response.redirect().status(303).toPath(review)
  }
}
