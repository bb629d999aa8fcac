/*
| The billing bench's book: `count` payment plans (3-pay, one per photo session, families of
| 500 plans each with a Stripe customer on the local server and the test card pm_card_visa),
| whose first installment was due yesterday and the two others later. Inserted in batches.
*/
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { bootApp } from './app.js'
import type { LocalStripe } from '#services/payments/local_stripe/server'

export async function seedDuePlans(count: number, stripe: LocalStripe) {
  const app = await bootApp()
  try {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { PackageFactory } = await import('#database/factories/package_factory')
    const { UserFactory } = await import('#database/factories/user_factory')
    const stamp = { created_at: DateTime.now().toUTC().toISO(), updated_at: DateTime.now().toUTC().toISO() }
    const pkg = await PackageFactory.merge({ slug: 'bench-billing', name: 'Rockstar Mini', durationMinutes: 60, active: true }).create()
    const families = await UserFactory.apply('customer').createMany(Math.ceil(count / 500))
    const customers = families.map((family) => stripe.addCustomer(family.email))
    const due = DateTime.utc().minus({ days: 1 }).startOf('day')
    const sessions = []
    const plans = []
    const installments = []
    for (let n = 0; n < count; n++) {
      const family = Math.floor(n / 500)
      const sessionId = randomUUID()
      const planId = randomUUID()
      sessions.push({
        id: sessionId,
        session_number: `S-BILL-${String(n).padStart(6, '0')}`,
        user_id: families[family].id,
        package_id: pkg.id,
        starts_at: due.plus({ days: 90, hours: 10 }).toISO(),
        estimated_duration: 60,
        status: 'confirmed',
        total_amount: 40_000,
        deposit_amount: 10_000,
        balance_due: 30_000,
        currency: 'USD',
        ...stamp,
      })
      plans.push({
        id: planId,
        user_id: families[family].id,
        photo_session_id: sessionId,
        plan_type: '3_pay',
        total_amount: 30_000,
        currency: 'USD',
        payments_total: 3,
        payments_completed: 0,
        next_charge_on: due.toISODate(),
        status: 'active',
        failure_count: 0,
        stripe_customer_id: customers[family],
        stripe_payment_method_id: 'pm_card_visa',
        ...stamp,
      })
      for (const sequence of [1, 2, 3]) {
        installments.push({
          id: randomUUID(),
          payment_plan_id: planId,
          sequence,
          due_on: due.plus({ days: 30 * (sequence - 1) }).toISODate(),
          amount: 10_000,
          status: 'scheduled',
          attempts: 0,
          ...stamp,
        })
      }
    }
    for (const [table, rows] of [['photo_sessions', sessions], ['payment_plans', plans], ['plan_installments', installments]] as const) {
      for (let i = 0; i < rows.length; i += 500) await db.table(table).multiInsert(rows.slice(i, i + 500))
    }
    return { due, installmentIds: installments.filter((row) => row.sequence === 1).map((row) => row.id) }
  } finally {
    await app.terminate()
  }
}
