import type { HttpContext } from '@adonisjs/core/http'
import User, { type Role } from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import RequestPasswordReset from '#actions/auth/request_password_reset'

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
  static async handle(ctx: HttpContext | null, input: CreateStaffUserInput) {
    const user = await User.create({ ...input, password: null })
    await RecordAudit.handle(ctx, {
      action: 'user.created',
      subject: { type: 'user', id: user.id },
      details: { email: user.email, role: user.role },
    })
    await RequestPasswordReset.handle(user.email!, { invited: true, validHours: 72 })
    return user
  }
}
