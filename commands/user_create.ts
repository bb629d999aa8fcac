import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ROLES, type Role } from '#models/user'
import { passwordWeakness } from '#validators/rules/password_strength'

export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create an account (any role) from the command line'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email address (used to sign in)', required: true })
  declare email: string

  @flags.string({ description: `Role: ${ROLES.join(', ')}`, default: 'customer' })
  declare role: string

  @flags.string({ description: 'Full name, e.g. "Ada Admin"', required: true })
  declare name: string

  @flags.string({ description: 'Password (asked for when missing)' })
  declare password?: string

  async run() {
    const { default: CreateUserFromCli } = await import('#actions/users/create_user_from_cli')
    if (!ROLES.includes(this.role as Role)) {
      this.logger.error(`Unknown role "${this.role}". Use one of: ${ROLES.join(', ')}`)
      this.exitCode = 1
      return
    }
    const password: string =
      this.password ??
      (await this.prompt.secure('Password for the new account', {
        validate: (value) => passwordWeakness(value, this.email) ?? true,
      })) ??
      ''

    const result = await CreateUserFromCli.handle({ email: this.email, role: this.role as Role, name: this.name, password })
    if (!result.ok) {
      this.logger.error(result.message)
      this.exitCode = 1
      return
    }
    this.logger.success(`Created ${result.user.role} ${result.user.email} (${result.user.id})`)
  }
}
