import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import PhotoSession from '#models/photo_session'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { watchConsoleErrors } from '#tests/support/browser'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { billingProcess, noonOn } from '#tests/support/billing'
import { useLocalStripe } from '#tests/support/stripe'

test.group('Journey: a 3-pay plan, paid by the demo card and charged by a billing run', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a family books with a 3-pay plan, pays the deposit on the hosted page, and sees the billed instalment and its receipt', async ({ browserContext, visit, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id] })
    await browserContext.loginAs(family)

    // How to pay: the deposit and 3 payments, every amount shown before confirming.
    const page = await visit(`/book/${draft.id}/payment`)
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('label.choice:has(input[value="3_pay"])').click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.assertTextContains('[data-demo-card]', 'Demo card — no money moves')
    await page.getByRole('button', { name: 'Confirm booking' }).click()

    // The local Stripe server's hosted Checkout page, then back to Loupe.
    await page.waitForURL(/\/checkout\//)
    await page.getByLabel('Card number').fill('4242 4242 4242 4242')
    await page.getByRole('button', { name: /with the demo card/ }).click()
    await page.waitForURL(/\/portal\/sessions\//)
    await stripe.flushWebhooks()

    const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
    assert.equal(session.status, 'confirmed')
    const plan = await PaymentPlan.query().where('photo_session_id', session.id).preload('installments', (rows) => rows.orderBy('sequence')).firstOrFail()
    assert.isNotNull(plan.stripePaymentMethodId)
    const first = plan.installments[0]

    // The billing command, in its own process, with the clock on the first due date.
    const run = billingProcess(stripe, [`--now=${noonOn(first.dueOn).toISO()}`])
    const exit = await run.exited
    assert.equal(exit.code, 0, run.output())
    await stripe.flushWebhooks()
    await first.refresh()
    assert.equal(first.status, 'paid')

    await page.goto('/portal/payments')
    const row = page.locator('[data-installment="1"]')
    await row.locator('text=Paid').first().waitFor()
    assert.include(await row.textContent(), `receipt ${first.paymentId!.slice(0, 8).toUpperCase()}`)
    assert.equal(await page.locator('[data-installment] >> text=Upcoming').count(), 2)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.isAtMost(width, 390, `the payments page is ${width}px wide`)
    await page.screenshot({ path: app.tmpPath('screenshots/portal-payments-390.png'), fullPage: true })

    await row.getByRole('link', { name: /receipt/ }).click()
    await page.assertTextContains('h1', `Receipt ${first.paymentId!.slice(0, 8).toUpperCase()}`)
    await page.assertTextContains('[data-receipt]', `Instalment 1 · ${session.sessionNumber}`)
    await page.screenshot({ path: app.tmpPath('screenshots/portal-receipt-390.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('/portal/payments')
    await page.screenshot({ path: app.tmpPath('screenshots/portal-payments-1280.png'), fullPage: true })
    assert.deepEqual(consoleErrors, [])
    assert.equal(await PlanInstallment.query().where('payment_plan_id', plan.id).where('status', 'paid').count('* as n').first().then((r: any) => Number(r.$extras.n)), 1)
  }).timeout(90_000)
})
