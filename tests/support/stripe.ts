import type { Group } from '@japa/runner/core'
import env from '#start/env'
import { truncateAfterEach } from '#tests/support/truncate'
import { LocalStripe } from '#services/payments/local_stripe/server'
import { StripeGateway } from '#services/payments/stripe_gateway'
import { useGateway } from '#services/payments/gateway'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'

/**
 * The local Stripe server for a test group, with Loupe's gateway pointed at it (stripe-node
 * unchanged, over HTTP) and its webhooks posted to the test server's /webhooks/stripe.
 *   const stripe = await startLocalStripe(); group.teardown(() => stopLocalStripe(stripe))
 */
export async function startLocalStripe(options: { webhooks?: boolean; delayMs?: number } = {}) {
  const webhookUrl = options.webhooks === false ? null : `http://${env.get('HOST')}:${env.get('PORT')}/webhooks/stripe`
  const stripe = await new LocalStripe({ webhookUrl, delayMs: options.delayMs }).start()
  useGateway(gatewayFor(stripe))
  return stripe
}

/**
 * A test group against the local Stripe server: started once for the group (handed to
 * `started`), tables emptied after each test, and each test's webhooks delivered before
 * that, so none lands in the next test.
 */
export function useLocalStripe(group: Group, started: (stripe: LocalStripe) => void) {
  let stripe: LocalStripe
  group.setup(async () => {
    stripe = await startLocalStripe()
    started(stripe)
    return () => stopLocalStripe(stripe)
  })
  // Japa runs setup cleanups before teardown hooks: the flush must come first, inside the
  // cleanup, or a webhook still in flight writes while the tables are being truncated.
  group.each.setup(() => async () => {
    await stripe.flushWebhooks()
    await truncateAfterEach()
  })
}

export function gatewayFor(stripe: LocalStripe) {
  return new StripeGateway({ ...stripe.clientConfig, webhookSecret: stripe.webhookSecret })
}

export async function stopLocalStripe(stripe: LocalStripe) {
  useGateway(null)
  await stripe.stop()
}

/** The environment a child process (`node ace billing:run`) needs to use this server. */
export function stripeEnv(stripe: LocalStripe) {
  return {
    PAYMENT_GATEWAY: 'stripe',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripe.port),
    STRIPE_API_PROTOCOL: 'http',
  }
}

/** Pays a hosted Checkout page with a card, as the family would; returns the answer (303 back, or 402 with the page). */
export async function payOnHostedPage(url: string, cardNumber = '4242 4242 4242 4242') {
  const page = await fetch(url)
  const html = await page.text()
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card_number: cardNumber, action: 'pay' }).toString(),
    redirect: 'manual',
  })
  return { page: html, status: response.status, location: response.headers.get('location'), body: await response.text() }
}

/**
 * A family books a $400 session and pays its $100 deposit by card on the local Stripe
 * server's hosted page; its webhooks are delivered. With '3_pay', the rest is a plan.
 */
export async function paidStripeDeposit(client: any, stripe: LocalStripe, paymentOption: 'deposit' | '3_pay' = 'deposit') {
  const { pkg } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption })
  const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
  await payOnHostedPage(response.header('location'))
  await stripe.flushWebhooks()
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const payment = await Payment.query().where('photo_session_id', session.id).firstOrFail()
  return { family, session, payment }
}
