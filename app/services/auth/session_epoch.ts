import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

const KEY = 'auth_epoch'

/**
 * Remember which session version of the user this HTTP session was opened under. Reads the
 * guard, not `ctx.auth.user`: on a request that logs in without first checking (anonymous
 * requests skip the check), the authenticator has no guard to answer for yet.
 */
export function stampSession(ctx: HttpContext) {
  ctx.session.put(KEY, ctx.auth.use('web').user!.sessionEpoch)
}

/**
 * Ends every HTTP session of the user, whatever the session store (a copied cookie-store
 * cookie included), and deletes the remember-me tokens: the session version goes up in
 * one atomic UPDATE and each request compares it with its stamp (endStaleSession).
 * Signing out, a password change or reset, and a role change call it.
 */
export async function endEverySession(user: User) {
  await db.transaction(async (trx) => {
    await trx.from('users').where('id', user.id).increment('session_epoch', 1)
    await trx.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    const row = await trx.from('users').where('id', user.id).select('session_epoch').firstOrFail()
    // The row is already saved: keep the in-memory copy in step without making it dirty.
    user.$attributes.sessionEpoch = user.$original.sessionEpoch = Number(row.session_epoch)
  })
}

/**
 * Ends the HTTP session of a deactivated user, or one opened under an older session
 * version (before a sign-out, a password change or a role change).
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
