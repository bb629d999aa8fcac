import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/** Deactivates (signs out everywhere, blocks login) or reactivates an account. */
export default class SetUserActive {
  static async handle(actor: Actor, user: User, active: boolean) {
    if (active === (user.deactivatedAt === null)) return user

    user.deactivatedAt = active ? null : DateTime.now()
    await user.save()
    if (!active) await db.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    await RecordAudit.handle(actor, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      subject: { type: 'user', id: user.id },
      details: { email: user.email },
    })
    return user
  }
}
