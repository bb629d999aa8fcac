import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'
import { endEverySession } from '#services/auth/session_epoch'

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'wrong_current_password' }

/**
 * Ends every HTTP session and remember-me token of the user (the controller then opens
 * a fresh one for this browser).
 */
export default class ChangePassword {
  static async handle(user: User, currentPassword: string, password: string): Promise<ChangePasswordResult> {
    if (!user.password || !(await hash.verify(user.password, currentPassword))) {
      return { ok: false, reason: 'wrong_current_password' }
    }
    user.password = password
    await user.save()
    await endEverySession(user)
    return { ok: true }
  }
}
