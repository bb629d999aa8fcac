import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Signed-in people who open a guest page (login, sign up) go to their own home. */
export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.check()) {
      return ctx.response.redirect(ctx.auth.user!.homeUrl())
    }
    return next()
  }
}
