import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import RecordAudit from '#actions/audit/record_audit'

/** Deactivates (signs out everywhere, blocks login) or reactivates an account. */
export default class SetUserActive {
  static async handle(ctx: HttpContext | null, user: User, active: boolean) {
    if (active === (user.deactivatedAt === null)) return user

    user.deactivatedAt = active ? null : DateTime.now()
    await user.save()
    if (!active) await db.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    await RecordAudit.handle(ctx, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      subject: { type: 'user', id: user.id },
      details: { email: user.email },
    })
    return user
  }
}
