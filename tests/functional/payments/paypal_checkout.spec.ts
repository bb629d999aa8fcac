import { test } from '@japa/runner'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import EmailLog from '#models/email_log'
import type { LocalPaypal } from '#services/payments/local_paypal/server'
import { useGateway } from '#services/payments/gateway'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { approveOnPaypal, paypalGatewayFor, startLocalPaypal } from '#tests/support/paypal'
import { truncateAfterEach } from '#tests/support/truncate'

async function bookDeposit(client: any) {
  const { pkg } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption: 'deposit' })
  const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const payment = await Payment.query().where('photo_session_id', session.id).firstOrFail()
  return { family, session, payment, response }
}

const pathOf = (url: string) => {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

test.group('PAYMENT_GATEWAY=paypal: booking deposits through PayPal', (group) => {
  let paypal: LocalPaypal
  group.setup(async () => {
    paypal = await startLocalPaypal({ webhooks: false })
    useGateway(paypalGatewayFor(paypal))
    return async () => {
      useGateway(null)
      await paypal.stop()
    }
  })
  group.each.setup(() => truncateAfterEach)

  test('approve on PayPal, come back (twice): captured once, session confirmed, one receipt', async ({ client, assert }) => {
    const { family, session, payment, response } = await bookDeposit(client)
    response.assertStatus(302)
    const approveUrl = response.header('location')
    assert.match(approveUrl, /\/checkoutnow\?token=/)
    assert.equal(payment.provider, 'paypal')

    const approval = await approveOnPaypal(approveUrl)
    assert.equal(approval.status, 302)
    const back = pathOf(approval.location!)
    assert.match(back, /^\/payments\/paypal\/return\?/)

    const first = await client.get(back).loginAs(family).redirects(0)
    first.assertStatus(302)
    assert.equal(first.header('location'), `/portal/sessions/${session.id}`)
    const reload = await client.get(back).loginAs(family).redirects(0)
    reload.assertStatus(302)

    await payment.refresh()
    assert.equal(payment.status, 'succeeded')
    assert.equal(paypal.captures.get(payment.providerChargeId!)?.amountCents, 10_000)
    assert.equal([...paypal.captures.values()].filter((capture) => capture.orderId === payment.providerPaymentId).length, 1)
    await session.refresh()
    assert.equal(session.status, 'confirmed')
    assert.equal(session.balanceDue, 30_000)
    const receipts = await EmailLog.query().where('to', family.email!).where('subject', 'like', 'Receipt:%')
    assert.lengthOf(receipts, 1)
    assert.include(receipts[0].subject, '$100.00')
  })

  test('cancel on PayPal: back on the session page with a clear message, nothing paid', async ({ client, assert }) => {
    const { family, session, payment, response } = await bookDeposit(client)
    const cancelled = await approveOnPaypal(response.header('location'), 'buyer@example.com', 'cancel')
    const back = pathOf(cancelled.location!)
    assert.match(back, /^\/payments\/paypal\/cancel\?/)
    const landing = await client.get(back).loginAs(family).redirects(0)
    landing.assertStatus(302)
    assert.equal(landing.header('location'), `/portal/sessions/${session.id}`)
    landing.assertFlashMessage('error', 'You cancelled the PayPal payment; nothing was charged. You can pay again whenever you like.')
    await payment.refresh()
    assert.equal(payment.status, 'pending')
    assert.isNull(payment.providerChargeId)
    assert.notExists([...paypal.captures.values()].find((capture) => capture.orderId === payment.providerPaymentId))
  })

  test('the return and cancel routes only go on to a page of this site', async ({ client, assert }) => {
    for (const next of ['//evil.example/x', '/\\evil.example/x', '/\tx', 'https://evil.example/']) {
      for (const route of ['/payments/paypal/cancel', '/payments/paypal/return']) {
        const response = await client.get(route).qs({ next }).redirects(0)
        response.assertStatus(302)
        assert.equal(response.header('location'), '/portal/payments', `${route} next=${JSON.stringify(next)}`)
      }
    }
    const inside = await client.get('/payments/paypal/cancel').qs({ next: '/portal/orders?x=1' }).redirects(0)
    assert.equal(inside.header('location'), '/portal/orders?x=1')
  })
})
