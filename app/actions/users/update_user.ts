import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import type { Role } from '#models/user'
import RecordAudit from '#actions/audit/record_audit'

export interface UpdateUserInput {
  firstName: string
  lastName: string
  role: Role
}

export default class UpdateUser {
  static async handle(ctx: HttpContext | null, user: User, input: UpdateUserInput) {
    const before = { firstName: user.firstName, lastName: user.lastName, role: user.role }
    user.merge(input)
    const changed = Object.keys(user.$dirty)
    if (changed.length === 0) return user

    if (user.$dirty.role) user.sessionEpoch += 1
    await user.save()
    await RecordAudit.handle(ctx, {
      action: before.role !== user.role ? 'user.role_changed' : 'user.updated',
      subject: { type: 'user', id: user.id },
      details: { before, after: input, changed },
    })
    return user
  }
}
