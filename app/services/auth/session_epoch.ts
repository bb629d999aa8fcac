import type { HttpContext } from '@adonisjs/core/http'

const KEY = 'auth_epoch'

/** Remember which password generation this HTTP session was opened under. */
export function stampSession(ctx: HttpContext) {
  ctx.session.put(KEY, ctx.auth.user!.sessionEpoch)
}

/**
 * Ends the HTTP session of a deactivated user, or one opened before the last
 * password change. Works with every session store, cookie included.
 */
export async function endStaleSession(ctx: HttpContext) {
  const user = ctx.auth.user
  if (!user) return

  const epoch = ctx.session.get(KEY)
  if (epoch === undefined && user.isActive) {
    stampSession(ctx)
    return
  }
  if (epoch !== user.sessionEpoch || !user.isActive) {
    await ctx.auth.use('web').logout()
    ctx.session.forget(KEY)
  }
}
