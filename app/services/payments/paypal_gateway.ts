import type {
  PaymentGateway,
  PaymentRefund,
  PaymentRefundRequest,
  PaymentStart,
  PaymentStartRequest,
} from '#services/payments/payment_gateway'

export interface PaypalConfig {
  clientId: string
  clientSecret: string
  webhookId: string
  /** https://api-m.sandbox.paypal.com by default; the local server in tests. */
  baseUrl: string
}

export class PaypalApiError extends Error {
  constructor(
    readonly status: number,
    readonly issue: string,
    message: string
  ) {
    super(message)
  }
}

export type PaypalCapture =
  | { status: 'succeeded'; orderId: string; captureId: string }
  | { status: 'failed'; orderId: string; failureCode: string; failureReason: string }

/**
 * PayPal Orders v2 over plain HTTP (fetch): an order with intent CAPTURE, the buyer approves
 * it on PayPal's page, Loupe captures it on return; refunds go against the capture. PayPal
 * Orders has no off-session charge of a saved card, so this gateway has no
 * `chargeSavedCard` / `startCardSetup` and plan installments refuse it (see PaymentGateway).
 * The return capture is CapturePaypalPayment (route /payments/paypal/return).
 */
export class PaypalGateway implements PaymentGateway {
  readonly provider = 'paypal' as const
  readonly method = 'card' as const
  private token: { value: string; expiresAt: number } | null = null

  constructor(readonly config: PaypalConfig) {}

  async start(request: PaymentStartRequest): Promise<PaymentStart> {
    const { payment } = request
    const order = await this.call<PaypalOrder>('POST', '/v2/checkout/orders', {
      idempotencyKey: `${payment.idempotencyKey}:order`,
      body: {
        intent: 'CAPTURE',
        purchase_units: [
          {
            reference_id: payment.id,
            custom_id: payment.id,
            description: request.description.slice(0, 127),
            amount: { currency_code: payment.currency.toUpperCase(), value: toDecimal(payment.amount) },
          },
        ],
        payment_source: {
          paypal: { experience_context: { return_url: request.returnUrl, cancel_url: request.cancelUrl, user_action: 'PAY_NOW' } },
        },
      },
    })
    const approve = order.links?.find((link) => link.rel === 'payer-action' || link.rel === 'approve')
    if (!approve) throw new PaypalApiError(502, 'NO_APPROVE_LINK', `PayPal order ${order.id} has no approval link`)
    return { kind: 'redirect', url: approve.href, providerPaymentId: order.id }
  }

  /** Captures an approved order (on the buyer's return). A declined buyer is a `failed` value. */
  async capture(orderId: string, idempotencyKey: string): Promise<PaypalCapture> {
    try {
      const order = await this.call<PaypalOrder>('POST', `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, { idempotencyKey, body: {} })
      const capture = order.purchase_units?.[0]?.payments?.captures?.[0]
      if (order.status === 'COMPLETED' && capture?.status === 'COMPLETED') return { status: 'succeeded', orderId, captureId: capture.id }
      return { status: 'failed', orderId, failureCode: capture?.status ?? order.status, failureReason: `PayPal did not complete the capture (${capture?.status ?? order.status})` }
    } catch (error) {
      if (error instanceof PaypalApiError && error.status === 422) return { status: 'failed', orderId, failureCode: error.issue, failureReason: error.message }
      throw error
    }
  }

  async refund(request: PaymentRefundRequest): Promise<PaymentRefund> {
    const captureId = request.payment.providerChargeId
    if (!captureId) return { status: 'failed', failureCode: 'no_capture', failureReason: 'PayPal has no capture for this payment' }
    try {
      const refund = await this.call<{ id: string; status: string }>('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, {
        idempotencyKey: request.idempotencyKey,
        body: {
          amount: { currency_code: request.payment.currency.toUpperCase(), value: toDecimal(request.amountCents) },
          note_to_payer: request.reason.slice(0, 255),
          // Echoed in PAYMENT.CAPTURE.REFUNDED: tells Loupe's own refunds from the dashboard's.
          custom_id: request.idempotencyKey,
        },
      })
      if (refund.status === 'CANCELLED' || refund.status === 'FAILED') {
        return { status: 'failed', failureCode: refund.status, failureReason: `PayPal could not refund (${refund.status})` }
      }
      return { status: refund.status === 'COMPLETED' ? 'succeeded' : 'pending', providerRefundId: refund.id }
    } catch (error) {
      if (error instanceof PaypalApiError && (error.status === 422 || error.status === 400)) {
        return { status: 'failed', failureCode: error.issue, failureReason: error.message }
      }
      throw error
    }
  }

  /**
   * Asks PayPal whether a webhook is genuine (POST /v1/notifications/verify-webhook-signature)
   * with the transmission headers and the event as received, byte for byte: PayPal checks
   * the event's own text, so parsing it and writing it again (other spacing, escapes or
   * number forms) fails a genuine event. False for anything but SUCCESS.
   */
  async verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): Promise<boolean> {
    const names = ['paypal-transmission-id', 'paypal-transmission-time', 'paypal-transmission-sig', 'paypal-cert-url', 'paypal-auth-algo']
    if (names.some((name) => !headers[name]) || !this.config.webhookId) return false
    try {
      const event = JSON.parse(rawBody)
      if (!event || typeof event !== 'object' || Array.isArray(event)) return false
    } catch {
      return false
    }
    const envelope = JSON.stringify({
      transmission_id: headers['paypal-transmission-id'],
      transmission_time: headers['paypal-transmission-time'],
      transmission_sig: headers['paypal-transmission-sig'],
      cert_url: headers['paypal-cert-url'],
      auth_algo: headers['paypal-auth-algo'],
      webhook_id: this.config.webhookId,
    })
    const answer = await this.call<{ verification_status: string }>('POST', '/v1/notifications/verify-webhook-signature', {
      json: `${envelope.slice(0, -1)},"webhook_event":${rawBody}}`,
    })
    return answer.verification_status === 'SUCCESS'
  }

  private async accessToken() {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64')
    const response = await fetch(`${this.config.baseUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'Authorization': `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(20_000),
    })
    if (!response.ok) throw new PaypalApiError(response.status, 'AUTHENTICATION_FAILURE', `PayPal refused the client credentials (${response.status})`)
    const body = (await response.json()) as { access_token: string; expires_in: number }
    this.token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 }
    return this.token.value
  }

  /** `json`: a body already written as JSON text, sent as is. */
  private async call<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; json?: string; idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = {
      'Authorization': `Bearer ${await this.accessToken()}`,
      'Content-Type': 'application/json',
      'Prefer': 'return=representation',
    }
    // PayPal's idempotency header: a retry with the same id is answered, never done twice.
    if (options.idempotencyKey) headers['PayPal-Request-Id'] = options.idempotencyKey
    const response = await fetch(`${this.config.baseUrl}${path}`, {
      method,
      headers,
      body: options.json ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: AbortSignal.timeout(20_000),
    })
    const text = await response.text()
    const body = text ? JSON.parse(text) : {}
    if (!response.ok) {
      const issue = body?.details?.[0]?.issue ?? body?.name ?? 'PAYPAL_ERROR'
      const message = body?.details?.[0]?.description ?? body?.message ?? `PayPal answered ${response.status}`
      throw new PaypalApiError(response.status, issue, message)
    }
    return body as T
  }
}

interface PaypalOrder {
  id: string
  status: string
  links?: { href: string; rel: string }[]
  purchase_units?: { payments?: { captures?: { id: string; status: string }[] } }[]
}

/** PayPal wants amounts as decimal strings ("12.50"); Loupe keeps cents. */
function toDecimal(cents: number) {
  return (cents / 100).toFixed(2)
}
