import type User from '#models/user'
import type { Role } from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import { endEverySession } from '#services/auth/session_epoch'
import type { Actor } from '#support/actor'

export interface UpdateUserInput {
  firstName: string
  lastName: string
  role: Role
}

export default class UpdateUser {
  static async handle(actor: Actor, user: User, input: UpdateUserInput) {
    const before = { firstName: user.firstName, lastName: user.lastName, role: user.role }
    user.merge(input)
    const changed = Object.keys(user.$dirty)
    if (changed.length === 0) return user

    const roleChanged = !!user.$dirty.role
    await user.save()
    if (roleChanged) await endEverySession(user)
    await RecordAudit.handle(actor, {
      action: before.role !== user.role ? 'user.role_changed' : 'user.updated',
      subject: { type: 'user', id: user.id },
      details: { before, after: input, changed },
    })
    return user
  }
}
