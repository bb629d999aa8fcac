import type { Group } from '@japa/runner/core'
import env from '#start/env'
import { LocalPaypal } from '#services/payments/local_paypal/server'
import { PaypalGateway } from '#services/payments/paypal_gateway'
import type Payment from '#models/payment'
import { useGateway } from '#services/payments/gateway'
import { truncateAfterEach } from '#tests/support/truncate'

/**
 * The local PayPal server for a test group, its webhooks posted to the test server's
 * /webhooks/paypal (or nowhere with `webhooks: false`).
 *   const paypal = await startLocalPaypal(); group.teardown(() => paypal.stop())
 */
export async function startLocalPaypal(options: { webhooks?: boolean } = {}) {
  const webhookUrl = options.webhooks === false ? null : `http://${env.get('HOST')}:${env.get('PORT')}/webhooks/paypal`
  return new LocalPaypal({ webhookUrl }).start()
}

export function paypalGatewayFor(paypal: LocalPaypal) {
  return new PaypalGateway({ clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: paypal.webhookId, baseUrl: paypal.baseUrl })
}

/** Approves an order on the local approval page as the buyer would; returns where PayPal sends them back. */
export async function approveOnPaypal(url: string, email = 'buyer@example.com', action: 'approve' | 'cancel' = 'approve') {
  const page = await fetch(url)
  const html = await page.text()
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, action }).toString(),
    redirect: 'manual',
  })
  return { page: html, status: response.status, location: response.headers.get('location') }
}

/** Creates the PayPal order for a payment, as StartPayment would; the buyer's approval URL is `url`. */
export async function startPaypalOrder(gateway: PaypalGateway, payment: Payment) {
  const started = await gateway.start({
    payment,
    customer: { id: payment.userId!, email: 'ana@example.com', name: 'Ana' },
    description: 'Deposit',
    returnUrl: 'http://127.0.0.1/portal/payments',
    cancelUrl: 'http://127.0.0.1/portal/payments',
  })
  if (started.kind !== 'redirect') throw new Error('PayPal should redirect')
  return started
}

/** The local PayPal server (no webhooks) for a test group, handed to `started` with a gateway pointed at it. */
export function useLocalPaypal(group: Group, started: (paypal: LocalPaypal, gateway: PaypalGateway) => void) {
  group.setup(async () => {
    const paypal = await startLocalPaypal({ webhooks: false })
    started(paypal, paypalGatewayFor(paypal))
    return () => paypal.stop()
  })
}

/**
 * The local PayPal server as Loupe's gateway for a test group, its webhooks posted to the
 * test server; tables emptied after each test once that test's webhooks have landed.
 */
export function usePaypalGateway(group: Group, started: (paypal: LocalPaypal, gateway: PaypalGateway) => void) {
  let paypal: LocalPaypal
  group.setup(async () => {
    paypal = await startLocalPaypal()
    const gateway = paypalGatewayFor(paypal)
    useGateway(gateway)
    started(paypal, gateway)
    return async () => {
      useGateway(null)
      await paypal.stop()
    }
  })
  // Japa runs setup cleanups before teardown hooks: flush inside the cleanup, before truncating.
  group.each.setup(() => async () => {
    await paypal.flushWebhooks()
    await truncateAfterEach()
  })
}
