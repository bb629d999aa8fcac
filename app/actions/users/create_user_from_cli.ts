import { DateTime } from 'luxon'
import User, { type Role } from '#models/user'
import { passwordWeakness } from '#validators/rules/password_strength'
import RecordAudit from '#actions/audit/record_audit'
import { actors } from '#support/actor'

export interface CliUserInput {
  email: string
  role: Role
  name: string
  password: string
}

export type CreateUserFromCliResult = { ok: true; user: User } | { ok: false; message: string }

/** `node ace user:create`: an operator creates an account with a password they choose. */
export default class CreateUserFromCli {
  static async handle(input: CliUserInput): Promise<CreateUserFromCliResult> {
    const email = input.email.trim().toLowerCase()
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { ok: false, message: `"${input.email}" is not an email address` }
    if (await User.findBy('email', email)) return { ok: false, message: `An account with ${email} already exists` }
    const weakness = passwordWeakness(input.password, email)
    if (weakness) return { ok: false, message: `Password refused: ${weakness}` }

    const [firstName, ...rest] = input.name.trim().split(/\s+/)
    const user = await User.create({
      email,
      role: input.role,
      firstName: firstName || email,
      lastName: rest.join(' ') || null,
      password: input.password,
      emailVerifiedAt: DateTime.now(),
    })
    await RecordAudit.handle(actors.system('user:create'), {
      action: 'user.created',
      subject: { type: 'user', id: user.id },
      details: { email, role: user.role, via: 'cli' },
    })
    return { ok: true, user }
  }
}
