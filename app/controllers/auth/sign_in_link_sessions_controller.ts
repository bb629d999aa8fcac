import type { HttpContext } from '@adonisjs/core/http'
import RedeemSignInLink from '#actions/auth/redeem_sign_in_link'
import { stampSession } from '#services/auth/session_epoch'
import { homeUrl } from '#controllers/auth/home_route'
import { isGalleryPath } from '#services/galleries/gallery_links'

/** Signing in with an emailed one-time link. */
export default class SignInLinkSessionsController {
  async store(ctx: HttpContext) {
    const result = await RedeemSignInLink.handle(ctx.params.token)
    const next = ctx.request.input('next')
    if (!result.ok) {
      // A gallery's link still has its code: the gallery's own page asks for it.
      if (isGalleryPath(next)) {
        ctx.session.flash('error', 'This sign-in link has expired or was already used: enter the access code from the same email, or sign in.')
        return ctx.response.redirect().status(303).toPath(next)
      }
      ctx.session.flash('loginError', 'This sign-in link has expired or was already used. Sign in again to get a new one.')
      return ctx.response.redirect().status(303).toRoute('session.create')
    }
    await ctx.auth.use('web').login(result.user)
    ctx.session.regenerate()
    stampSession(ctx)
    return ctx.response.redirect().status(303).toPath(isGalleryPath(next) ? next : homeUrl(result.user))
  }
}
