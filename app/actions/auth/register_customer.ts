import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { dispatch } from '#services/jobs/dispatch'
import { mayEmail } from '#services/auth/mail_throttle'
import { uniqueViolationColumn } from '#support/db/unique_violation'

export interface RegisterCustomerInput {
  firstName: string
  lastName: string
  email: string
  password: string
  marketingConsent?: boolean
}

/**
 * Sign-up, email first: the answer and its timing are the same whether or not the address
 * already has an account (one password hash either way, the email sent by a job). A new
 * account waits for its owner to confirm the address, which signs them in; an existing
 * one gets "you already have an account" instead, and its password is never touched.
 */
export default class RegisterCustomer {
  static async handle(input: RegisterCustomerInput) {
    const found = await User.query().where('email', input.email).select('id').first()
    if (found) await hash.make(input.password)
    const { userId, existing } = found ? { userId: found.id, existing: true } : await create(input)

    if (!(await mayEmail('signup', input.email))) return
    await dispatch('auth.signup_mail', { userId, existing })
  }
}

/** The new customer (hashed by the model), or the account a simultaneous sign-up created first. */
async function create(input: RegisterCustomerInput) {
  try {
    const user = await db.transaction((trx) =>
      User.create(
        {
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          password: input.password,
          role: 'customer',
          marketingConsent: input.marketingConsent ?? false,
        },
        { client: trx }
      )
    )
    return { userId: user.id, existing: false }
  } catch (error) {
    if (!uniqueViolationColumn(error, ['email'])) throw error
    const winner = await User.query().where('email', input.email).firstOrFail()
    return { userId: winner.id, existing: true }
  }
}
