import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Order {
  id: string
  status: 'CREATED' | 'APPROVED' | 'COMPLETED'
  amount: { currency_code: string; value: string }
  customId: string
  returnUrl: string
  cancelUrl: string
  declined: boolean
  captureId: string | null
}

export interface LocalCapture {
  id: string
  orderId: string
  amountCents: number
  refundedCents: number
}

/**
 * A local server speaking the parts of PayPal's REST API Loupe uses (OAuth2 client
 * credentials, Orders v2 create/capture, capture refunds, webhook signature verification),
 * with an approval page that redirects back. Webhooks it sends carry PayPal's transmission
 * headers with an HMAC of (id|time|webhook id|raw body); verify-webhook-signature answers
 * SUCCESS only when that HMAC matches the `webhook_event` exactly as written in its request,
 * so only events it sent pass, and only when passed on byte for byte (not parsed and
 * written again, which changes spacing and escapes).
 * "declined@example.com" as the buyer on the approval page makes the capture fail.
 */
export class LocalPaypal {
  readonly clientId = `local_${randomBytes(6).toString('hex')}`
  readonly clientSecret = randomBytes(16).toString('hex')
  readonly webhookId = `WH-${randomBytes(6).toString('hex').toUpperCase()}`
  private readonly signingKey = randomBytes(32)
  private readonly tokens = new Set<string>()
  readonly orders = new Map<string, Order>()
  readonly captures = new Map<string, LocalCapture>()
  readonly refunds: { id: string; captureId: string; amountCents: number }[] = []
  private readonly replies = new Map<string, { status: number; body: unknown }>()
  private server: Server | null = null
  private readonly pending = new Set<Promise<unknown>>()
  port = 0

  constructor(private readonly options: { webhookUrl: string | null }) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  async start() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => send(res, 500, { name: 'INTERNAL_SERVER_ERROR', message: String(error) }))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  async stop() {
    await this.flushWebhooks()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** Waits for every webhook delivery the server started on its own (after a capture or refund). */
  async flushWebhooks() {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }

  private deliverLater(eventType: string, resource: Record<string, unknown>) {
    const delivery = this.sendWebhook(eventType, resource).catch(() => {})
    this.pending.add(delivery)
    void delivery.finally(() => this.pending.delete(delivery))
  }

  /** Signs and posts an event to Loupe as PayPal would; returns Loupe's HTTP status. */
  async sendWebhook(eventType: string, resource: Record<string, unknown>, id = `WH-EVT-${randomUUID()}`) {
    if (!this.options.webhookUrl) return null
    const body = JSON.stringify({ id, event_type: eventType, resource_type: 'capture', create_time: new Date().toISOString(), resource })
    const response = await fetch(this.options.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...this.signedHeaders(body) }, body })
    return response.status
  }

  signedHeaders(rawBody: string) {
    const transmissionId = randomUUID()
    const time = new Date().toISOString()
    return {
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-time': time,
      'paypal-transmission-sig': this.signature(transmissionId, time, rawBody),
      'paypal-cert-url': `${this.baseUrl}/v1/notifications/certs/local`,
      'paypal-auth-algo': 'HMAC-SHA256',
    }
  }

  private signature(transmissionId: string, time: string, rawBody: string) {
    return createHmac('sha256', this.signingKey).update(`${transmissionId}|${time}|${this.webhookId}|${rawBody}`).digest('base64')
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl)
    const raw = await readBody(req)
    if (req.method === 'POST' && url.pathname === '/v1/oauth2/token') return this.token(req, res, raw)
    if (url.pathname === '/checkoutnow') return this.approvalPage(req, res, url, raw)
    if (!this.authorised(req)) return send(res, 401, { error: 'invalid_token', error_description: 'Token signature verification failed' })

    // PayPal-Request-Id: the same request again gets the first answer, nothing done twice.
    const requestId = req.headers['paypal-request-id'] as string | undefined
    const replayKey = requestId ? `${url.pathname}:${requestId}` : null
    if (replayKey && this.replies.has(replayKey)) {
      const reply = this.replies.get(replayKey)!
      return send(res, reply.status, reply.body)
    }
    const body = raw ? JSON.parse(raw) : {}
    const reply = url.pathname === '/v1/notifications/verify-webhook-signature' && req.method === 'POST' ? this.verify(body, raw) : this.route(req.method ?? 'GET', url.pathname, body)
    if (replayKey && reply.status < 500) this.replies.set(replayKey, reply)
    return send(res, reply.status, reply.body)
  }

  private route(method: string, path: string, body: any): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v2/checkout/orders') return this.createOrder(body)
    let match = path.match(/^\/v2\/checkout\/orders\/([^/]+)\/capture$/)
    if (method === 'POST' && match) return this.captureOrder(decodeURIComponent(match[1]))
    match = path.match(/^\/v2\/checkout\/orders\/([^/]+)$/)
    if (method === 'GET' && match) {
      const order = this.orders.get(decodeURIComponent(match[1]))
      return order ? { status: 200, body: this.orderJson(order) } : notFound()
    }
    match = path.match(/^\/v2\/payments\/captures\/([^/]+)\/refund$/)
    if (method === 'POST' && match) return this.refund(decodeURIComponent(match[1]), body)
    return notFound()
  }

  private token(req: IncomingMessage, res: ServerResponse, raw: string) {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`
    if (req.headers.authorization !== expected || !raw.includes('grant_type=client_credentials')) {
      return send(res, 401, { error: 'invalid_client', error_description: 'Client Authentication failed' })
    }
    const token = `A21AA${randomBytes(24).toString('hex')}`
    this.tokens.add(token)
    return send(res, 200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer', app_id: 'APP-LOCAL', expires_in: 32400, nonce: randomUUID() })
  }

  private authorised(req: IncomingMessage) {
    const header = req.headers.authorization ?? ''
    return header.startsWith('Bearer ') && this.tokens.has(header.slice(7))
  }

  private createOrder(body: any) {
    const unit = body?.purchase_units?.[0]
    const context = body?.payment_source?.paypal?.experience_context ?? body?.application_context ?? {}
    if (body?.intent !== 'CAPTURE' || !unit?.amount?.value || !context.return_url || !context.cancel_url) {
      return unprocessable('MISSING_REQUIRED_PARAMETER', 'intent CAPTURE, an amount and return/cancel URLs are required')
    }
    const order: Order = {
      id: randomBytes(8).toString('hex').toUpperCase(),
      status: 'CREATED',
      amount: unit.amount,
      customId: unit.custom_id ?? '',
      returnUrl: context.return_url,
      cancelUrl: context.cancel_url,
      declined: false,
      captureId: null,
    }
    this.orders.set(order.id, order)
    return { status: 201, body: this.orderJson(order) }
  }

  private captureOrder(id: string) {
    const order = this.orders.get(id)
    if (!order) return notFound()
    if (order.status === 'COMPLETED') return unprocessable('ORDER_ALREADY_CAPTURED', 'Order already captured')
    if (order.status !== 'APPROVED') return unprocessable('ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment')
    if (order.declined) return unprocessable('INSTRUMENT_DECLINED', 'The instrument presented was either declined by the processor or bank')
    order.status = 'COMPLETED'
    order.captureId = randomBytes(8).toString('hex').toUpperCase()
    const capture = { id: order.captureId, orderId: order.id, amountCents: toCents(order.amount.value), refundedCents: 0 }
    this.captures.set(capture.id, capture)
    this.deliverLater('PAYMENT.CAPTURE.COMPLETED', this.captureJson(order))
    return { status: 201, body: this.orderJson(order) }
  }

  /** What the merchant does in PayPal's dashboard: a refund Loupe never asked for (so no custom_id). */
  refundInDashboard(captureId: string, amountCents: number) {
    return this.refund(captureId, { amount: { currency_code: 'USD', value: (amountCents / 100).toFixed(2) } })
  }

  private refund(captureId: string, body: any) {
    const capture = this.captures.get(captureId)
    if (!capture) return notFound()
    const amount = body?.amount?.value ? toCents(body.amount.value) : capture.amountCents - capture.refundedCents
    if (amount <= 0 || amount > capture.amountCents - capture.refundedCents) {
      return unprocessable('REFUND_AMOUNT_EXCEEDED', 'The refund amount must be less than or equal to the capture amount that has not yet been refunded')
    }
    capture.refundedCents += amount
    const refund = { id: randomBytes(8).toString('hex').toUpperCase(), captureId, amountCents: amount }
    this.refunds.push(refund)
    const json = { id: refund.id, status: 'COMPLETED', amount: { currency_code: body?.amount?.currency_code ?? 'EUR', value: (amount / 100).toFixed(2) }, custom_id: body?.custom_id, links: [{ rel: 'up', href: `${this.baseUrl}/v2/payments/captures/${captureId}`, method: 'GET' }] }
    this.deliverLater('PAYMENT.CAPTURE.REFUNDED', json)
    return { status: 201, body: json }
  }

  private verify(body: any, raw: string) {
    const event = rawMember(raw, 'webhook_event')
    const ok =
      typeof body?.transmission_sig === 'string' &&
      event !== null &&
      body.webhook_id === this.webhookId &&
      body.auth_algo === 'HMAC-SHA256' &&
      safeEqual(body.transmission_sig, this.signature(body.transmission_id, body.transmission_time, event))
    return { status: 200, body: { verification_status: ok ? 'SUCCESS' : 'FAILURE' } }
  }

  /** GET shows the buyer's page; POST approves (or cancels) and redirects back to Loupe. */
  private approvalPage(req: IncomingMessage, res: ServerResponse, url: URL, raw: string) {
    const order = this.orders.get(url.searchParams.get('token') ?? '')
    if (!order) return send(res, 404, { name: 'RESOURCE_NOT_FOUND' })
    if (req.method === 'POST') {
      const form = new URLSearchParams(raw)
      if (form.get('action') === 'cancel') return redirect(res, withParams(order.cancelUrl, { token: order.id }))
      order.status = 'APPROVED'
      order.declined = form.get('email') === 'declined@example.com'
      return redirect(res, withParams(order.returnUrl, { token: order.id, PayerID: 'LOCALPAYER' }))
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><title>PayPal (local)</title><h1>Pay ${order.amount.value} ${order.amount.currency_code}</h1>
<form method="post"><label>Email <input name="email" value="buyer@example.com"></label>
<button name="action" value="approve">Pay now</button><button name="action" value="cancel">Cancel</button></form>`)
  }

  private orderJson(order: Order) {
    return {
      id: order.id,
      intent: 'CAPTURE',
      status: order.status === 'CREATED' ? 'PAYER_ACTION_REQUIRED' : order.status,
      purchase_units: [
        {
          reference_id: order.customId,
          custom_id: order.customId,
          amount: order.amount,
          payments: order.captureId ? { captures: [this.captureJson(order)] } : undefined,
        },
      ],
      links: [
        { href: `${this.baseUrl}/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' },
        { href: `${this.baseUrl}/checkoutnow?token=${order.id}`, rel: 'payer-action', method: 'GET' },
      ],
    }
  }

  private captureJson(order: Order) {
    return {
      id: order.captureId,
      status: 'COMPLETED',
      amount: order.amount,
      custom_id: order.customId,
      supplementary_data: { related_ids: { order_id: order.id } },
    }
  }
}

function readBody(req: IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'paypal-debug-id': randomBytes(6).toString('hex') })
  res.end(JSON.stringify(body))
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location })
  res.end()
}

function withParams(url: string, params: Record<string, string>) {
  const target = new URL(url)
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value)
  return target.toString()
}

function notFound() {
  return { status: 404, body: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.', details: [{ issue: 'INVALID_RESOURCE_ID', description: 'Specified resource ID does not exist.' }] } }
}

function unprocessable(issue: string, description: string) {
  return { status: 422, body: { name: 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed.', details: [{ issue, description }] } }
}

function toCents(value: string) {
  return Math.round(Number.parseFloat(value) * 100)
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** The text of a top-level object member's value in a JSON document, exactly as written (null if absent). */
function rawMember(json: string, name: string): string | null {
  const key = json.indexOf(`"${name}"`)
  if (key < 0) return null
  let at = json.indexOf(':', key) + 1
  while (/\s/.test(json[at])) at++
  let depth = 0
  let inString = false
  for (let index = at; index < json.length; index++) {
    const char = json[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') {
      if (depth === 0) return json.slice(at, index).trimEnd()
      if (--depth === 0) return json.slice(at, index + 1)
    } else if (char === ',' && depth === 0) return json.slice(at, index).trimEnd()
  }
  return null
}
