import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import type { LocalPaypal } from '#services/payments/local_paypal/server'
import { PaypalGateway } from '#services/payments/paypal_gateway'
import { approveOnPaypal, useLocalPaypal } from '#tests/support/paypal'

function pendingPayment(amount = 12_550) {
  const payment = new Payment()
  payment.merge({ id: randomUUID(), amount, currency: 'EUR', paymentType: 'deposit', idempotencyKey: `pay:${randomUUID()}`, providerChargeId: null })
  return payment
}

const start = (gateway: PaypalGateway, payment: Payment) =>
  gateway.start({
    payment,
    customer: { id: randomUUID(), email: 'ana@example.com', name: 'Ana' },
    description: 'Deposit for S-2026-000123',
    returnUrl: 'http://127.0.0.1/portal/payments/return',
    cancelUrl: 'http://127.0.0.1/portal/payments/cancel',
  })

test.group('PaypalGateway against the local PayPal server', (group) => {
  let paypal: LocalPaypal
  let gateway: PaypalGateway
  useLocalPaypal(group, (started, startedGateway) => {
    paypal = started
    gateway = startedGateway
  })

  test('an order is approved on the hosted page, captured on return, then refunded in part and in full', async ({ assert }) => {
    const payment = pendingPayment()
    const started = await start(gateway, payment)
    assert.equal(started.kind, 'redirect')
    if (started.kind !== 'redirect') return
    assert.match(started.url, /\/checkoutnow\?token=/)

    const approval = await approveOnPaypal(started.url)
    assert.include(approval.page, 'Pay 125.50 EUR')
    assert.equal(approval.status, 302)
    assert.equal(new URL(approval.location!).searchParams.get('token'), started.providerPaymentId)

    const captured = await gateway.capture(started.providerPaymentId, `${payment.idempotencyKey}:capture`)
    assert.equal(captured.status, 'succeeded')
    if (captured.status !== 'succeeded') return
    assert.equal(paypal.captures.get(captured.captureId)?.amountCents, 12_550)

    payment.providerChargeId = captured.captureId
    const partial = await gateway.refund({ payment, amountCents: 2_550, reason: 'One print less', idempotencyKey: 'refund-1' })
    assert.equal(partial.status, 'succeeded')
    const again = await gateway.refund({ payment, amountCents: 2_550, reason: 'One print less', idempotencyKey: 'refund-1' })
    assert.deepEqual(again, partial)
    const rest = await gateway.refund({ payment, amountCents: 10_000, reason: 'Cancelled', idempotencyKey: 'refund-2' })
    assert.equal(rest.status, 'succeeded')
    assert.equal(paypal.captures.get(captured.captureId)?.refundedCents, 12_550)
    assert.lengthOf(paypal.refunds.filter((refund) => refund.captureId === captured.captureId), 2)

    const tooMuch = await gateway.refund({ payment, amountCents: 100, reason: 'More', idempotencyKey: 'refund-3' })
    assert.deepInclude(tooMuch, { status: 'failed', failureCode: 'REFUND_AMOUNT_EXCEEDED' })
  })

  test('a declined buyer gives a failed capture and no money moves', async ({ assert }) => {
    const started = await start(gateway, pendingPayment())
    if (started.kind !== 'redirect') return assert.fail('expected a redirect')
    await approveOnPaypal(started.url, 'declined@example.com')
    const captured = await gateway.capture(started.providerPaymentId, 'capture-declined')
    assert.deepInclude(captured, { status: 'failed', failureCode: 'INSTRUMENT_DECLINED' })
    assert.isFalse([...paypal.captures.values()].some((capture) => capture.orderId === started.providerPaymentId))
  })

  test('capturing an order the buyer has not approved fails', async ({ assert }) => {
    const started = await start(gateway, pendingPayment())
    if (started.kind !== 'redirect') return assert.fail('expected a redirect')
    const captured = await gateway.capture(started.providerPaymentId, 'capture-early')
    assert.deepInclude(captured, { status: 'failed', failureCode: 'ORDER_NOT_APPROVED' })
  })

  test('a refund of a payment without a capture is refused without calling PayPal', async ({ assert }) => {
    const refund = await gateway.refund({ payment: pendingPayment(), amountCents: 100, reason: 'x', idempotencyKey: 'refund-none' })
    assert.deepInclude(refund, { status: 'failed', failureCode: 'no_capture' })
  })

  test('webhook verification: SUCCESS only for events the server signed', async ({ assert }) => {
    const body = JSON.stringify({ id: 'WH-1', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: { id: 'CAP1' } })
    const headers = paypal.signedHeaders(body)
    assert.isTrue(await gateway.verifyWebhook(headers, body))
    assert.isFalse(await gateway.verifyWebhook(headers, body.replace('CAP1', 'CAP2')))
    assert.isFalse(await gateway.verifyWebhook({ ...headers, 'paypal-transmission-sig': 'forged' }, body))
    assert.isFalse(await gateway.verifyWebhook({}, body))
    // Checked as it arrived: a body JSON.stringify would write otherwise (spacing, escapes) still verifies.
    const spaced = '{\n  "id": "WH-2",\n  "event_type": "PAYMENT.CAPTURE.COMPLETED",\n  "summary": "Caf\\u00e9 \\/ prints",\n  "resource": { "id": "CAP1", "amount": { "value": "10.50" } }\n}'
    assert.notEqual(JSON.stringify(JSON.parse(spaced)), spaced)
    assert.isTrue(await gateway.verifyWebhook(paypal.signedHeaders(spaced), spaced))
    assert.isFalse(await gateway.verifyWebhook(paypal.signedHeaders(spaced), spaced.replace('10.50', '10.5')))
  })

  test('wrong client credentials are refused by name', async ({ assert }) => {
    const wrong = new PaypalGateway({ ...gateway.config, clientSecret: 'nope' })
    await assert.rejects(() => start(wrong, pendingPayment()), /PayPal refused the client credentials \(401\)/)
  })
})
