import { spawn } from 'node:child_process'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import PlanInstallment from '#models/plan_installment'
import PhotoSession from '#models/photo_session'
import PaymentPlan from '#models/payment_plan'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { payOnHostedPage, stripeEnv } from '#tests/support/stripe'

/**
 * A family booked with a 3-pay plan and paid the deposit by card on the hosted page (the
 * real path: the webhook kept the card on the plan). `declineLater` turns that saved card
 * into one the bank declines (as when it expires).
 */
export async function planPaidByCard(client: any, stripe: LocalStripe, options: { declineLater?: boolean } = {}) {
  const { pkg, settings } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption: '3_pay' })
  const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
  await payOnHostedPage(response.header('location'))
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const plan = await PaymentPlan.query().where('photo_session_id', session.id).preload('installments').firstOrFail()
  if (options.declineLater) stripe.paymentMethods.get(plan.stripePaymentMethodId!)!.number = '4000000000000002'
  return { family, session, plan, settings, installments: plan.installments }
}

/** Noon UTC on a date. */
export function noonOn(date: DateTime) {
  return DateTime.fromISO(`${date.toISODate()}T12:00:00`, { zone: 'utc' })
}

/**
 * `count` plans with a saved card whose first installment is due on `dueOn` (the two
 * others a month and two later), written directly: many at once for the race tests.
 */
export async function duePlans(stripe: LocalStripe, count: number, dueOn: DateTime) {
  const { UserFactory } = await import('#database/factories/user_factory')
  const { PackageFactory } = await import('#database/factories/package_factory')
  const { PhotoSessionFactory } = await import('#database/factories/photo_session_factory')
  const family = await UserFactory.apply('customer').create()
  const pkg = await PackageFactory.create()
  const customer = stripe.addCustomer(family.email)
  const ids: string[] = []
  for (let index = 0; index < count; index++) {
    const session = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id, totalAmount: 40_000, depositAmount: 10_000, balanceDue: 40_000 }).create()
    const plan = await PaymentPlan.create({
      userId: family.id,
      photoSessionId: session.id,
      planType: '3_pay',
      totalAmount: 30_000,
      currency: 'USD',
      paymentsTotal: 3,
      paymentsCompleted: 0,
      nextChargeOn: dueOn,
      status: 'active',
      failureCount: 0,
      stripeCustomerId: customer,
      stripePaymentMethodId: 'pm_card_visa',
    })
    for (const row of PaymentPlan.schedule(30_000, '3_pay', dueOn)) {
      const installment = await PlanInstallment.create({ paymentPlanId: plan.id, sequence: row.sequence, dueOn: row.dueOn, amount: row.amount, status: 'scheduled', attempts: 0 })
      if (row.sequence === 1) ids.push(installment.id)
    }
  }
  return ids
}

/** `node ace billing:run …` in its own process, on the test database, against the local Stripe server. */
export function billingProcess(stripe: LocalStripe, args: string[]) {
  const child = spawn(process.execPath, ['ace', 'billing:run', ...args], {
    cwd: app.makePath(),
    env: { ...process.env, NODE_ENV: 'test', ...stripeEnv(stripe) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  return { child, exited, output: () => output }
}
