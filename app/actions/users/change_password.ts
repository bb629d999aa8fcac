import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'wrong_current_password' }

/**
 * Bumps the session epoch, so every other HTTP session of this user ends on its next
 * request whatever the session store, and deletes remember-me tokens.
 */
export default class ChangePassword {
  static async handle(user: User, currentPassword: string, password: string): Promise<ChangePasswordResult> {
    if (!user.password || !(await hash.verify(user.password, currentPassword))) {
      return { ok: false, reason: 'wrong_current_password' }
    }
    user.password = password
    user.sessionEpoch += 1
    await user.save()
    await db.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    return { ok: true }
  }
}
