import hash from '@adonisjs/core/services/hash'
import type User from '#models/user'

/** A staff member chooses their tablet PIN (after signing in with their account). */
export default class SetKioskPin {
  static async handle(user: User, pin: string) {
    user.kioskPinHash = await hash.make(pin)
    await user.save()
  }
}
