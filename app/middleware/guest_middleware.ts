import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { homeUrl } from '#controllers/auth/home_route'

/** Signed-in people who open a guest page (login, sign up) go to their own home. */
export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.check()) {
      return ctx.response.redirect(homeUrl(ctx.auth.user!))
    }
    return next()
  }
}
