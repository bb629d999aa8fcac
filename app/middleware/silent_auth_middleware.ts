import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { endStaleSession } from '#services/auth/session_epoch'

/**
 * Loads the signed-in user on every page (layouts show who is signed in) and ends
 * sessions that a password change or a deactivation made stale. A request with no login
 * in its session and no remember-me cookie has no one to load: asking the guard anyway
 * builds and throws an E_UNAUTHORIZED_ACCESS (stack trace and all) on every anonymous
 * page view, gallery visitors included, only to say so.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    if (ctx.session.has(guard.sessionKeyName) || ctx.request.encryptedCookie(guard.rememberMeKeyName)) {
      await ctx.auth.check()
    }
    await endStaleSession(ctx)
    return next()
  }
}
