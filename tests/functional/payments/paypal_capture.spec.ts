import { test } from '@japa/runner'
import Payment from '#models/payment'
import EmailLog from '#models/email_log'
import { PaymentFactory } from '#database/factories/payment_factory'
import CapturePaypalPayment from '#actions/payments/capture_paypal_payment'
import type { LocalPaypal } from '#services/payments/local_paypal/server'
import type { PaypalGateway } from '#services/payments/paypal_gateway'
import { approveOnPaypal, startPaypalOrder, useLocalPaypal } from '#tests/support/paypal'
import { truncateAfterEach } from '#tests/support/truncate'
import { actors } from '#support/actor'

const actor = actors.system('test:paypal_return')

test.group('CapturePaypalPayment: the return from PayPal captures once', (group) => {
  let paypal: LocalPaypal
  let gateway: PaypalGateway
  useLocalPaypal(group, (started, startedGateway) => {
    paypal = started
    gateway = startedGateway
  })
  group.each.setup(() => truncateAfterEach)

  test('approve, then two returns at once: one capture at PayPal, the payment succeeds once, one receipt', async ({ assert }) => {
    const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: null, amount: 12_550 }).create()
    const started = await startPaypalOrder(gateway, payment)
    await Payment.query().where('id', payment.id).update({ providerPaymentId: started.providerPaymentId })
    assert.equal((await approveOnPaypal(started.url)).status, 302)

    const [first, second] = await Promise.all([
      CapturePaypalPayment.handle(actor, started.providerPaymentId, gateway),
      CapturePaypalPayment.handle(actor, started.providerPaymentId, gateway),
    ])
    const again = await CapturePaypalPayment.handle(actor, started.providerPaymentId, gateway)
    assert.deepEqual([first, second].filter((result) => result.ok && result.settled).length, 1)
    assert.deepEqual(again, { ok: true, settled: false })

    const fresh = await Payment.findOrFail(payment.id)
    assert.equal(fresh.status, 'succeeded')
    assert.equal(paypal.captures.get(fresh.providerChargeId!)?.amountCents, 12_550)
    assert.equal([...paypal.captures.values()].length, 1)
    const family = await fresh.related('user').query().firstOrFail()
    const receipts = await EmailLog.query().where('to', family.email!).where('subject', 'like', 'Receipt:%')
    assert.lengthOf(receipts, 1)
  })

  test('an order nobody approved is not captured and the payment stays pending', async ({ assert }) => {
    const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: null }).create()
    const started = await startPaypalOrder(gateway, payment)
    await Payment.query().where('id', payment.id).update({ providerPaymentId: started.providerPaymentId })
    const result = await CapturePaypalPayment.handle(actor, started.providerPaymentId, gateway)
    assert.equal(result.ok, false)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'pending')
  })
})
