import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/user_factory'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { actors } from '#support/actor'
import { watchConsoleErrors } from '#tests/support/browser'
import { resetRateLimits } from '#tests/support/throttle'
import { todaysSession } from '#tests/support/kiosk'

test.group('Journey: a partial refund', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the admin finds a payment, refunds part of it, sees the invoice and the email in the log', async ({ browserContext, visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const payment = await Payment.create({ userId: session.userId, photoSessionId: session.id, amount: 30_000, currency: 'USD', paymentType: 'balance', method: 'cash', provider: 'offline', idempotencyKey: `desk:${randomUUID()}`, status: 'succeeded', refundAmount: 0, receivedBy: admin.id, processedAt: DateTime.now() })
    // Earlier months, for the revenue chart.
    for (const [months, amount] of [[1, 42_000], [2, 18_500], [4, 61_000]]) {
      await Payment.create({ userId: session.userId, amount, currency: 'USD', paymentType: 'deposit', method: 'card', provider: 'offline', idempotencyKey: randomUUID(), status: 'succeeded', refundAmount: 0, processedAt: DateTime.now().minus({ months }) })
    }
    const invoice = (await ApplyPaymentToInvoice.handle(payment, { actor: actors.system('test') }))!

    await browserContext.loginAs(admin)
    const page = await visit('/admin/payments')
    const errors = watchConsoleErrors(page)
    await page.getByLabel('Email or invoice').fill(invoice.number)
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.getByRole('row', { name: /Maya Rivera.*Balance/ }).getByRole('link').click()
    await page.getByRole('heading', { name: '$300.00 balance' }).waitFor()

    await page.getByLabel('Amount (USD)').fill('50')
    await page.getByLabel('Reason').fill('The album arrived scratched')
    await page.getByRole('button', { name: 'Refund' }).click()
    await page.getByText('$50.00 refunded; the family is emailed.').waitFor()
    assert.include(await page.locator('main').textContent(), 'Partially refunded')
    // A refresh-and-resubmit of the same form would find the first refund; the page offers a fresh form.
    assert.equal(await page.getByLabel('Amount (USD)').inputValue(), '250.00')

    await page.getByRole('link', { name: invoice.number }).click()
    await page.getByRole('heading', { name: `Invoice ${invoice.number}` }).waitFor()
    const invoiceText = (await page.locator('main').textContent())!
    assert.include(invoiceText, 'Refunded')
    assert.include(invoiceText, '−$50.00')
    assert.include(invoiceText, 'The album arrived scratched')
    await page.screenshot({ path: join(app.makePath('docs/notes'), 'invoice-desktop.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(app.makePath('docs/notes'), 'invoice-390.png'), fullPage: true })

    await page.goto('/admin/payments')
    await page.screenshot({ path: join(app.makePath('docs/notes'), 'payments-390.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: join(app.makePath('docs/notes'), 'payments-desktop.png'), fullPage: true })

    await page.goto('/admin/email-logs')
    await page.getByText(`Refund: $50.00 on invoice ${invoice.number}`).waitFor()
    assert.deepEqual(errors, [])
  })
})
