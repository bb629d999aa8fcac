import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { parseFormBody } from '#services/payments/local_stripe/form_body'
import { checkoutPage } from '#services/payments/local_stripe/checkout_page'

/**
 * A local server speaking as much of Stripe's HTTP API as Loupe uses, so stripe-node runs
 * unchanged against it in tests, the bench and the demo (no money moves, no internet):
 * Customers, Checkout Sessions (payment and setup mode) with a hosted page that redirects
 * back, off-session PaymentIntents, Refunds; form-encoded bodies, `Idempotency-Key`
 * replay (same key + other parameters is an idempotency_error), Stripe's error JSON, its
 * test cards (4242… succeeds, 4000 0000 0000 0002 declines, …9995 insufficient funds, and
 * the `pm_card_*` test payment methods), and signed webhooks posted to `webhookUrl`.
 */
export interface LocalStripeOptions {
  secretKey?: string
  webhookSecret?: string
  /** Where events are posted (Loupe's /webhooks/stripe); none: events are only recorded. */
  webhookUrl?: string | null
  host?: string
  port?: number
  /** Each API answer waits this long after the work is done (a slow or lost answer). */
  delayMs?: number
}

type Obj = Record<string, any>
type Answer = [number, Obj]

export const TEST_CARDS: Record<string, { brand: string; decline?: 'generic_decline' | 'insufficient_funds' }> = {
  '4242424242424242': { brand: 'visa' },
  '5555555555554444': { brand: 'mastercard' },
  '4000000000000002': { brand: 'visa', decline: 'generic_decline' },
  '4000000000009995': { brand: 'visa', decline: 'insufficient_funds' },
}

/** Stripe's test PaymentMethods, usable without creating them. */
const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
}

const DECLINE_MESSAGES = {
  generic_decline: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`
const now = () => Math.floor(Date.now() / 1000)

export class LocalStripe {
  readonly secretKey: string
  readonly webhookSecret: string
  webhookUrl: string | null
  delayMs: number
  server!: Server
  url = ''

  customers = new Map<string, Obj>()
  paymentMethods = new Map<string, Obj & { number: string }>()
  checkoutSessions = new Map<string, Obj>()
  paymentIntents = new Map<string, Obj>()
  setupIntents = new Map<string, Obj>()
  refunds = new Map<string, Obj>()
  events: Obj[] = []
  /** Every API request: method, path, idempotency key, whether it was a replay. */
  requests: { method: string; path: string; idempotencyKey: string | null; replayed: boolean }[] = []
  /** Webhook deliveries and the status Loupe answered. */
  deliveries: { eventId: string; type: string; status: number }[] = []

  private idempotent = new Map<string, { fingerprint: string; answer: Answer }>()
  private pending = new Set<Promise<unknown>>()
  private signer = new Stripe('sk_test_signer')
  private options: LocalStripeOptions

  constructor(options: LocalStripeOptions = {}) {
    this.options = options
    this.secretKey = options.secretKey ?? 'sk_test_local'
    this.webhookSecret = options.webhookSecret ?? 'whsec_local'
    this.webhookUrl = options.webhookUrl ?? null
    this.delayMs = options.delayMs ?? 0
  }

  async start() {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => this.send(response, 500, apiError('api_error', String(error))))
    })
    const host = this.options.host ?? '127.0.0.1'
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, host, resolve))
    this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`
    return this
  }

  get port() {
    return (this.server.address() as AddressInfo).port
  }

  /** What stripe-node needs to talk to this server. */
  get clientConfig() {
    return { secretKey: this.secretKey, host: '127.0.0.1', port: this.port, protocol: 'http' as const }
  }

  async stop() {
    await this.flushWebhooks()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Waits for every webhook delivery under way. */
  async flushWebhooks() {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }

  /** PaymentIntents that took money (replays of one are one), by `metadata[key]`. */
  chargesBy(key: string) {
    const counts = new Map<string, number>()
    for (const intent of this.paymentIntents.values()) {
      if (intent.status !== 'succeeded') continue
      const value = intent.metadata?.[key]
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    return counts
  }

  /** Posts an event to Loupe, signed as Stripe signs it; resolves with Loupe's status. */
  async deliver(event: Obj, options: { signature?: string } = {}) {
    if (!this.webhookUrl) return 0
    const payload = JSON.stringify(event, null, 2)
    const signature = options.signature ?? this.signer.webhooks.generateTestHeaderString({ payload, secret: this.webhookSecret })
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
      body: payload,
    }).catch(() => null)
    const status = response?.status ?? 0
    await response?.arrayBuffer().catch(() => null)
    this.deliveries.push({ eventId: event.id, type: event.type, status })
    return status
  }

  private emit(type: string, object: Obj) {
    const event = { id: id('evt'), object: 'event', api_version: '2026-10-28.endive', created: now(), livemode: false, pending_webhooks: 1, type, data: { object: structuredClone(object) } }
    this.events.push(event)
    if (this.webhookUrl) {
      const delivery = this.deliver(event).finally(() => this.pending.delete(delivery))
      this.pending.add(delivery)
    }
    return event
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString()
    const url = new URL(request.url!, this.url)
    const method = request.method!

    if (url.pathname.startsWith('/checkout/')) return this.hostedCheckout(method, url, text, response)
    if (!url.pathname.startsWith('/v1/')) return this.send(response, 404, apiError('invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`))
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return this.send(response, 401, apiError('invalid_request_error', 'Invalid API Key provided.', { code: 'api_key_invalid' }))
    }

    const params = method === 'GET' ? Object.fromEntries(url.searchParams) : parseFormBody(text)
    const key = method === 'POST' ? (request.headers['idempotency-key'] as string | undefined) ?? null : null
    const entry = { method, path: url.pathname, idempotencyKey: key, replayed: false }
    this.requests.push(entry)

    let answer: Answer
    const stored = key ? this.idempotent.get(key) : undefined
    const fingerprint = createHash('sha256').update(`${method} ${url.pathname} ${text}`).digest('hex')
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        answer = [400, apiError('idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`)]
      } else {
        entry.replayed = true
        answer = stored.answer
      }
    } else {
      answer = this.route(method, url.pathname, params)
      // Stripe keeps the answer of any request that ran (errors included), not of one refused before it ran.
      if (key && answer[0] !== 401 && answer[0] !== 429) this.idempotent.set(key, { fingerprint, answer })
    }
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    this.send(response, answer[0], answer[1], entry.replayed ? { 'Idempotent-Replayed': 'true', 'Original-Request': 'req_replayed' } : {})
  }

  private route(method: string, path: string, params: Obj): Answer {
    const [, , resource, first, second] = path.split('/')
    if (method === 'POST' && path === '/v1/customers') return this.createCustomer(params)
    if (method === 'POST' && path === '/v1/checkout/sessions') return this.createCheckoutSession(params)
    if (method === 'POST' && path === '/v1/payment_intents') return this.createPaymentIntent(params)
    if (method === 'POST' && path === '/v1/refunds') return this.createRefund(params)
    if (method === 'GET') {
      const store: Record<string, [Map<string, Obj>, string]> = {
        customers: [this.customers, 'customer'],
        payment_intents: [this.paymentIntents, 'payment_intent'],
        setup_intents: [this.setupIntents, 'setup_intent'],
        payment_methods: [this.paymentMethods, 'payment_method'],
        refunds: [this.refunds, 'refund'],
      }
      if (resource === 'checkout' && first === 'sessions' && second) return found(this.checkoutSessions.get(second), 'checkout.session', second)
      if (resource === 'refunds' && !first) return this.listRefunds(params)
      if (resource === 'events' && first) return found(this.events.find((event) => event.id === first), 'event', first)
      if (store[resource] && first) {
        const object = store[resource][0].get(first)
        return found(object && (resource === 'payment_methods' ? publicCard(object) : object), store[resource][1], first)
      }
    }
    return [404, apiError('invalid_request_error', `Unrecognized request URL (${method}: ${path}).`)]
  }

  /** What the studio does in Stripe's dashboard: a refund Loupe never asked for (no Loupe metadata). */
  refundInDashboard(paymentIntentId: string, amount: number, reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null = null) {
    return this.createRefund({ payment_intent: paymentIntentId, amount: String(amount), ...(reason ? { reason } : {}) })
  }

  private listRefunds(params: Obj): Answer {
    const data = [...this.refunds.values()]
      .filter((refund) => (!params.payment_intent || refund.payment_intent === params.payment_intent) && (!params.charge || refund.charge === params.charge))
      .reverse()
      .slice(0, Number(params.limit ?? 10))
    return [200, { object: 'list', url: '/v1/refunds', has_more: false, data }]
  }

  private createCustomer(params: Obj): Answer {
    const customer = { id: id('cus'), object: 'customer', created: now(), email: params.email ?? null, name: params.name ?? null, metadata: params.metadata ?? {} }
    this.customers.set(customer.id, customer)
    return [200, customer]
  }

  private createCheckoutSession(params: Obj): Answer {
    const mode = params.mode
    if (!['payment', 'setup'].includes(mode)) return [400, apiError('invalid_request_error', 'Invalid mode', { param: 'mode' })]
    if (!params.success_url) return [400, apiError('invalid_request_error', 'Missing required param: success_url.', { param: 'success_url', code: 'parameter_missing' })]
    if (params.customer && !this.customers.has(params.customer)) return missing('customer', params.customer)
    let amount: number | null = null
    let currency: string | null = params.currency ?? null
    if (mode === 'payment') {
      const items: Obj[] = params.line_items ?? []
      if (!items.length) return [400, apiError('invalid_request_error', 'Missing required param: line_items.', { param: 'line_items', code: 'parameter_missing' })]
      amount = items.reduce((sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1), 0)
      currency = items[0].price_data?.currency ?? null
      if (!Number.isInteger(amount) || amount < 50) return [400, apiError('invalid_request_error', 'The Checkout Session\'s total amount due must add up to at least $0.50 usd', { param: 'line_items' })]
    }
    const session = {
      id: id('cs_test'),
      object: 'checkout.session',
      created: now(),
      mode,
      status: 'open',
      payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
      amount_total: amount,
      currency,
      customer: params.customer ?? null,
      customer_email: params.customer_email ?? null,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      payment_intent: null,
      setup_intent: null,
      success_url: params.success_url,
      cancel_url: params.cancel_url ?? null,
      url: '',
      line_items_description: (params.line_items ?? []).map((item: Obj) => item.price_data?.product_data?.name).filter(Boolean).join(', '),
      payment_intent_data: params.payment_intent_data ?? {},
      setup_intent_data: params.setup_intent_data ?? {},
    }
    session.url = `${this.url}/checkout/${session.id}`
    this.checkoutSessions.set(session.id, session)
    return [200, session]
  }

  private createPaymentIntent(params: Obj): Answer {
    const amount = Number(params.amount)
    if (!Number.isInteger(amount) || amount < 50) return [400, apiError('invalid_request_error', 'Amount must be at least $0.50 usd', { param: 'amount', code: 'amount_too_small' })]
    if (params.customer && !this.customers.has(params.customer)) return missing('customer', params.customer)
    const method = params.payment_method ? this.paymentMethod(params.payment_method) : null
    if (params.payment_method && !method) return missing('payment_method', params.payment_method)
    const intent: Obj = {
      id: id('pi'),
      object: 'payment_intent',
      created: now(),
      amount,
      amount_received: 0,
      currency: params.currency,
      customer: params.customer ?? null,
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      payment_method: method?.id ?? null,
      off_session: params.off_session === 'true',
      status: method ? 'requires_confirmation' : 'requires_payment_method',
      latest_charge: null,
      last_payment_error: null,
    }
    this.paymentIntents.set(intent.id, intent)
    if (params.confirm !== 'true' || !method) return [200, intent]
    const failure = this.charge(intent, method)
    if (!failure) return [200, intent]
    return [402, { error: { ...failure, payment_intent: intent } }]
  }

  /** Confirms an intent with a card: succeeded with a charge, or the card error. */
  private charge(intent: Obj, method: Obj & { number: string }) {
    intent.payment_method = method.id
    const decline = TEST_CARDS[method.number]?.decline
    if (decline) {
      const failure = { type: 'card_error', code: 'card_declined', decline_code: decline, message: DECLINE_MESSAGES[decline], charge: id('ch'), doc_url: 'https://stripe.com/docs/error-codes/card-declined' }
      Object.assign(intent, { status: 'requires_payment_method', last_payment_error: { ...failure, payment_method: publicCard(method) } })
      this.emit('payment_intent.payment_failed', intent)
      return failure
    }
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: id('ch'), refunded_amount: 0 })
    this.emit('payment_intent.succeeded', intent)
    return null
  }

  private createRefund(params: Obj): Answer {
    const intent = params.payment_intent
      ? this.paymentIntents.get(params.payment_intent)
      : [...this.paymentIntents.values()].find((candidate) => candidate.latest_charge && candidate.latest_charge === params.charge)
    if (!intent) return params.payment_intent ? missing('payment_intent', params.payment_intent) : missing('charge', params.charge ?? '')
    if (intent.status !== 'succeeded') return [400, apiError('invalid_request_error', `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { code: 'charge_not_refundable' })]
    const left = intent.amount - intent.refunded_amount
    const amount = params.amount === undefined ? left : Number(params.amount)
    if (left === 0) return [400, apiError('invalid_request_error', `Charge ${intent.latest_charge} has already been refunded.`, { code: 'charge_already_refunded' })]
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
      return [400, apiError('invalid_request_error', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: 'amount_too_large', param: 'amount' })]
    }
    intent.refunded_amount += amount
    const refund = { id: id('re'), object: 'refund', created: now(), amount, currency: intent.currency, status: 'succeeded', payment_intent: intent.id, charge: intent.latest_charge, reason: params.reason ?? null, metadata: params.metadata ?? {} }
    this.refunds.set(refund.id, refund)
    this.emit('charge.refunded', { id: intent.latest_charge, object: 'charge', amount: intent.amount, amount_refunded: intent.refunded_amount, payment_intent: intent.id, refunded: intent.refunded_amount === intent.amount })
    return [200, refund]
  }

  private paymentMethod(pmId: string) {
    const known = this.paymentMethods.get(pmId)
    if (known) return known
    const number = TEST_PAYMENT_METHODS[pmId]
    if (!number) return null
    return this.addPaymentMethod(number, null, pmId)
  }

  /** A customer made directly (benches and tests that write plans without a checkout). */
  addCustomer(email: string | null = null) {
    return this.createCustomer({ email })[1].id as string
  }

  /** A card as the hosted page (or a test) saves it. */
  addPaymentMethod(number: string, customer: string | null, pmId = id('pm')) {
    const method = { id: pmId, object: 'payment_method', type: 'card', customer, number, created: now() }
    this.paymentMethods.set(method.id, method)
    return method
  }

  /** The hosted page: GET shows it; POST pays (or saves the card) and redirects back to success_url. */
  private async hostedCheckout(method: string, url: URL, text: string, response: ServerResponse) {
    const session = this.checkoutSessions.get(url.pathname.split('/')[2])
    if (!session) return this.html(response, 404, '<h1>No such checkout session</h1>')
    if (method === 'GET') {
      if (session.status !== 'open') return this.redirect(response, successUrl(session))
      return this.html(response, 200, checkoutPage(session, null))
    }
    const form = new URLSearchParams(text)
    if (form.get('action') === 'cancel' && session.cancel_url) return this.redirect(response, session.cancel_url)
    if (session.status !== 'open') return this.redirect(response, successUrl(session))
    const number = (form.get('card_number') ?? '').replace(/\D/g, '')
    const card = TEST_CARDS[number]
    if (!card) return this.html(response, 402, checkoutPage(session, 'Your card number is incorrect. Use one of the test cards listed below.'))
    if (!session.customer) {
      const [, customer] = this.createCustomer({ email: session.customer_email })
      session.customer = customer.id
    }
    const payment = this.addPaymentMethod(number, session.customer)
    if (session.mode === 'setup') {
      if (card.decline) return this.html(response, 402, checkoutPage(session, DECLINE_MESSAGES[card.decline]))
      const setup = { id: id('seti'), object: 'setup_intent', status: 'succeeded', customer: session.customer, payment_method: payment.id, usage: 'off_session', metadata: session.setup_intent_data.metadata ?? session.metadata }
      this.setupIntents.set(setup.id, setup)
      this.emit('setup_intent.succeeded', setup)
      Object.assign(session, { status: 'complete', setup_intent: setup.id })
    } else {
      const [, intent] = this.createPaymentIntent({
        amount: String(session.amount_total),
        currency: session.currency,
        customer: session.customer,
        metadata: session.payment_intent_data.metadata ?? {},
        description: session.payment_intent_data.description ?? session.line_items_description,
      })
      intent.setup_future_usage = session.payment_intent_data.setup_future_usage ?? null
      session.payment_intent = intent.id
      const failure = this.charge(intent, payment)
      if (failure) return this.html(response, 402, checkoutPage(session, failure.message))
      Object.assign(session, { status: 'complete', payment_status: 'paid' })
    }
    this.emit('checkout.session.completed', session)
    // The family comes back to a page that already knows: events first, then the redirect.
    await this.flushWebhooks()
    this.redirect(response, successUrl(session))
  }

  private send(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
    if (response.destroyed) return
    response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req'), 'Stripe-Version': '2026-10-28.endive', ...headers })
    response.end(JSON.stringify(payload))
  }

  private html(response: ServerResponse, status: number, body: string) {
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(body)
  }

  private redirect(response: ServerResponse, location: string) {
    response.writeHead(303, { Location: location })
    response.end()
  }
}

function successUrl(session: Obj) {
  return String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id)
}

function publicCard(method: Obj) {
  const { number, ...rest } = method
  const card = TEST_CARDS[number]
  return { ...rest, card: { brand: card?.brand ?? 'unknown', last4: String(number).slice(-4), exp_month: 12, exp_year: 2034 } }
}

function apiError(type: string, message: string, extra: Obj = {}) {
  return { error: { type, message, ...extra } }
}

function missing(what: string, value: string): Answer {
  return [404, apiError('invalid_request_error', `No such ${what}: '${value}'`, { code: 'resource_missing', param: what })]
}

function found(object: Obj | undefined, what: string, value: string): Answer {
  return object ? [200, object] : missing(what, value)
}
