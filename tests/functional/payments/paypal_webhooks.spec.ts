import { test } from '@japa/runner'
import env from '#start/env'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import EmailLog from '#models/email_log'
import { PaymentFactory } from '#database/factories/payment_factory'
import type { LocalPaypal } from '#services/payments/local_paypal/server'
import type { PaypalGateway } from '#services/payments/paypal_gateway'
import { approveOnPaypal, startPaypalOrder, usePaypalGateway } from '#tests/support/paypal'

const webhookUrl = () => `http://${env.get('HOST')}:${env.get('PORT')}/webhooks/paypal`

test.group('POST /webhooks/paypal', (group) => {
  let paypal: LocalPaypal
  let gateway: PaypalGateway
  usePaypalGateway(group, (started, startedGateway) => {
    paypal = started
    gateway = startedGateway
  })

  test('a missing or wrong signature is 400 and nothing is stored', async ({ assert }) => {
    const body = JSON.stringify({ id: 'WH-EVT-FORGED', event_type: 'PAYMENT.CAPTURE.COMPLETED', resource: {} })
    const unsigned = await fetch(webhookUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    assert.equal(unsigned.status, 400)
    const headers = { ...paypal.signedHeaders(body), 'paypal-transmission-sig': 'Zm9yZ2Vk' }
    const forged = await fetch(webhookUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
    assert.equal(forged.status, 400)
    const tampered = await fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...paypal.signedHeaders(body) },
      body: body.replace('FORGED', 'OTHER'),
    })
    assert.equal(tampered.status, 400)
    assert.lengthOf(await WebhookEvent.all(), 0)
  })

  test('CAPTURE.COMPLETED settles a payment whose buyer never came back: 3 deliveries and 2 at once, one payment, one receipt', async ({ assert }) => {
    const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: null, amount: 10_000 }).create()
    const started = await startPaypalOrder(gateway, payment)
    await approveOnPaypal(started.url)
    const capture = await gateway.capture(started.providerPaymentId, 'capture-elsewhere')
    if (capture.status !== 'succeeded') throw new Error('capture failed')
    const resource = {
      id: capture.captureId,
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '100.00' },
      custom_id: payment.id,
      supplementary_data: { related_ids: { order_id: started.providerPaymentId } },
    }
    const statuses = [await paypal.sendWebhook('PAYMENT.CAPTURE.COMPLETED', resource, 'WH-EVT-1')]
    statuses.push(...(await Promise.all([1, 2].map(() => paypal.sendWebhook('PAYMENT.CAPTURE.COMPLETED', resource, 'WH-EVT-1')))))
    statuses.push(await paypal.sendWebhook('PAYMENT.CAPTURE.COMPLETED', resource, 'WH-EVT-1'))
    assert.deepEqual(statuses, [200, 200, 200, 200])

    const fresh = await Payment.findOrFail(payment.id)
    assert.equal(fresh.status, 'succeeded')
    assert.equal(fresh.providerChargeId, capture.captureId)
    const rows = await WebhookEvent.query().where('provider', 'paypal').where('event_id', 'WH-EVT-1')
    assert.deepEqual(rows.map((row) => row.status), ['processed'])
    const family = await fresh.related('user').query().firstOrFail()
    const receipts = await EmailLog.query().where('to', family.email!).where('subject', 'like', 'Receipt:%')
    assert.lengthOf(receipts, 1)
  })
})
