import type User from '#models/user'
import { endEverySession } from '#services/auth/session_epoch'

/**
 * Signing out ends the account's HTTP sessions in every browser: with the cookie store
 * the login lives inside the cookie, so only a new session version makes a copy of it
 * (or a stolen remember-me cookie) worthless.
 */
export default class SignOut {
  static async handle(user: User) {
    await endEverySession(user)
  }
}
