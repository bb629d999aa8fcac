import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { endStaleSession } from '#services/auth/session_epoch'

/**
 * Loads the signed-in user on every page (layouts show who is signed in) and ends
 * sessions that a password change or a deactivation made stale.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.check()
    await endStaleSession(ctx)
    return next()
  }
}
