import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User, { type Role } from '#models/user'

export const DEMO_PASSWORD = 'loupe-demo-2026'

export const DEMO_ACCOUNTS: { email: string; role: Role; firstName: string; lastName: string }[] = [
  { email: 'admin@loupe.test', role: 'admin', firstName: 'Ada', lastName: 'Admin' },
  { email: 'staff@loupe.test', role: 'staff', firstName: 'Sam', lastName: 'Desk' },
  { email: 'photographer@loupe.test', role: 'photographer', firstName: 'Piper', lastName: 'Lens' },
  { email: 'customer@loupe.test', role: 'customer', firstName: 'Casey', lastName: 'Rivera' },
]

/** The demo studio's four sign-ins, one per role. */
export default class AccountsSeeder extends BaseSeeder {
  async run() {
    for (const account of DEMO_ACCOUNTS) {
      await User.firstOrCreate(
        { email: account.email },
        { ...account, password: DEMO_PASSWORD, emailVerifiedAt: DateTime.now(), marketingConsent: false },
        { client: this.client }
      )
    }
  }
}
