import User, { type Role } from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import SendPasswordReset from '#actions/auth/send_password_reset'
import type { Actor } from '#support/actor'

export interface CreateStaffUserInput {
  firstName: string
  lastName: string
  email: string
  role: Exclude<Role, 'customer'>
}

/**
 * Creates a studio account without a password and emails a link (valid 72 hours) to
 * choose one, so no admin ever knows a colleague's password.
 */
export default class CreateStaffUser {
  static async handle(actor: Actor, input: CreateStaffUserInput) {
    const user = await User.create({ ...input, password: null })
    await RecordAudit.handle(actor, {
      action: 'user.created',
      subject: { type: 'user', id: user.id },
      details: { email: user.email, role: user.role },
    })
    await SendPasswordReset.handle(user.email!, { invited: true, validHours: 72 })
    return user
  }
}
