import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User, { type Role } from '#models/user'
import hash from '@adonisjs/core/services/hash'
import { setDemoPassword } from '#database/demo/password_hashes'

export const DEMO_PASSWORD = 'loupe-demo-2026'
/** The front-desk PIN of the demo staff member, for signing in on a paired tablet. */
export const DEMO_KIOSK_PIN = '2468'

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
      const user = await User.firstOrCreate(
        { email: account.email },
        { ...account, emailVerifiedAt: DateTime.now(), marketingConsent: false },
        { client: this.client }
      )
      await setDemoPassword(this.client, user.id, DEMO_PASSWORD)
      if (account.role === 'staff' && !user.kioskPinHash) {
        await this.client.from('users').where('id', user.id).update({ kiosk_pin_hash: await hash.make(DEMO_KIOSK_PIN) })
      }
    }
  }
}
