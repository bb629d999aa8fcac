import Stripe from 'stripe'
import db from '@adonisjs/lucid/services/db'
import type {
  CardSetupRequest,
  PaymentGateway,
  PaymentRefund,
  PaymentRefundRequest,
  PaymentStart,
  PaymentStartRequest,
  ProviderRefund,
  SavedCardCharge,
  SavedCardResult,
} from '#services/payments/payment_gateway'

export interface StripeConfig {
  secretKey: string
  webhookSecret: string
  /** Another API host (the local server in tests and the demo). */
  host?: string
  port?: number
  protocol?: 'http' | 'https'
}

/**
 * Stripe through stripe-node: Checkout Sessions (the hosted page, so no card data touches
 * Loupe) that also save the card for the plan's later charges, off-session PaymentIntents
 * for installments, Refunds, and the webhook signature check. Every write carries an
 * idempotency key from Loupe's own rows, so a retry is answered, never done twice.
 */
export class StripeGateway implements PaymentGateway {
  readonly provider = 'stripe' as const
  readonly method = 'card' as const
  readonly client: Stripe

  constructor(readonly config: StripeConfig) {
    this.client = new Stripe(config.secretKey, {
      host: config.host,
      port: config.port,
      protocol: config.protocol,
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'Loupe' },
    })
  }

  async start(request: PaymentStartRequest): Promise<PaymentStart> {
    const { payment } = request
    const { id, email, name } = request.customer
    // An account's card is kept for later charges (plan instalments); a guest's is not.
    const customer = id ? { customer: await this.customerFor({ id, email, name }) } : { customer_email: email ?? undefined }
    const metadata = { payment_id: payment.id, payment_type: payment.paymentType }
    const session = await this.client.checkout.sessions.create(
      {
        mode: 'payment',
        ...customer,
        client_reference_id: payment.id,
        line_items: [{ quantity: 1, price_data: { currency: payment.currency.toLowerCase(), unit_amount: payment.amount, product_data: { name: request.description } } }],
        payment_intent_data: { ...(id ? { setup_future_usage: 'off_session' as const } : {}), description: request.description, metadata },
        metadata,
        success_url: request.returnUrl,
        cancel_url: request.cancelUrl,
      },
      { idempotencyKey: `${payment.idempotencyKey}:checkout` }
    )
    return { kind: 'redirect', url: session.url!, providerPaymentId: session.id }
  }

  async startCardSetup(request: CardSetupRequest) {
    const customer = await this.customerFor(request.customer)
    const session = await this.client.checkout.sessions.create({
      mode: 'setup',
      customer,
      currency: request.currency.toLowerCase(),
      metadata: request.metadata,
      setup_intent_data: { metadata: request.metadata },
      success_url: request.returnUrl,
      cancel_url: request.cancelUrl,
    })
    return { url: session.url!, providerSetupId: session.id }
  }

  async chargeSavedCard(request: SavedCardCharge): Promise<SavedCardResult> {
    try {
      const intent = await this.client.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          customer: request.customerId,
          payment_method: request.paymentMethodId,
          off_session: true,
          confirm: true,
          description: request.description,
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey }
      )
      if (intent.status === 'succeeded') return { status: 'succeeded', providerPaymentId: intent.id, providerChargeId: chargeId(intent.latest_charge) }
      return { status: 'failed', failureCode: 'authentication_required', failureReason: `The bank asks for the card holder (${intent.status})`, providerPaymentId: intent.id }
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        return {
          status: 'failed',
          failureCode: error.decline_code ?? error.code ?? 'card_declined',
          failureReason: error.message,
          providerPaymentId: error.payment_intent?.id ?? null,
        }
      }
      throw error
    }
  }

  async refund(request: PaymentRefundRequest): Promise<PaymentRefund> {
    const intent = request.payment.providerPaymentId
    if (!intent?.startsWith('pi_')) return { status: 'failed', failureCode: 'no_charge', failureReason: 'Stripe has no charge for this payment' }
    try {
      const refund = await this.client.refunds.create(
        { payment_intent: intent, amount: request.amountCents, reason: 'requested_by_customer', metadata: { payment_id: request.payment.id, reason: request.reason.slice(0, 500), loupe_key: request.idempotencyKey } },
        { idempotencyKey: request.idempotencyKey }
      )
      if (refund.status === 'failed' || refund.status === 'canceled') {
        return { status: 'failed', failureCode: refund.failure_reason ?? refund.status, failureReason: `Stripe could not refund (${refund.failure_reason ?? refund.status})` }
      }
      return { status: refund.status === 'succeeded' ? 'succeeded' : 'pending', providerRefundId: refund.id }
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
        return { status: 'failed', failureCode: error.code ?? 'refund_refused', failureReason: error.message }
      }
      throw error
    }
  }

  /** Checks the `Stripe-Signature` header against the raw body; throws when it doesn't match. */
  parseWebhook(rawBody: string, signature: string): Stripe.Event {
    return this.client.webhooks.constructEvent(rawBody, signature, this.config.webhookSecret)
  }

  /** What a paid intent saved: its charge and card, to settle the payment and keep the card for the plan. */
  async paymentIntent(id: string) {
    const intent = await this.client.paymentIntents.retrieve(id)
    return {
      id: intent.id,
      status: intent.status,
      chargeId: chargeId(intent.latest_charge),
      customerId: typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null),
      paymentMethodId: typeof intent.payment_method === 'string' ? intent.payment_method : (intent.payment_method?.id ?? null),
      metadata: intent.metadata,
    }
  }

  /** Every refund of a PaymentIntent, made by Loupe or in the dashboard (Stripe lists at most 100 a page; a payment never has that many). */
  async refundsOf(paymentIntentId: string): Promise<ProviderRefund[]> {
    const list = await this.client.refunds.list({ payment_intent: paymentIntentId, limit: 100 })
    return list.data.map((refund) => ({
      providerRefundId: refund.id,
      amount: refund.amount,
      status: refund.status === 'succeeded' ? 'succeeded' : refund.status === 'pending' || refund.status === 'requires_action' ? 'pending' : 'failed',
      loupeKey: refund.metadata?.loupe_key ?? null,
      providerReason: refund.reason ?? null,
    }))
  }

  async setupIntent(id: string) {
    const intent = await this.client.setupIntents.retrieve(id)
    return {
      status: intent.status,
      customerId: typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null),
      paymentMethodId: typeof intent.payment_method === 'string' ? intent.payment_method : (intent.payment_method?.id ?? null),
    }
  }

  /**
   * The family's Stripe customer, made once: the idempotency key is the user's id, and
   * the id is stored only where none is yet (two first payments at once keep one).
   */
  private async customerFor(customer: { id: string; email: string | null; name: string }) {
    const row = await db.from('users').where('id', customer.id).select('stripe_customer_id').first()
    if (row?.stripe_customer_id) return row.stripe_customer_id as string
    const created = await this.client.customers.create(
      { email: customer.email ?? undefined, name: customer.name, metadata: { loupe_user_id: customer.id } },
      { idempotencyKey: `loupe-customer:${customer.id}` }
    )
    await db.from('users').where('id', customer.id).whereNull('stripe_customer_id').update({ stripe_customer_id: created.id })
    const stored = await db.from('users').where('id', customer.id).select('stripe_customer_id').first()
    return (stored?.stripe_customer_id as string) ?? created.id
  }
}

function chargeId(charge: string | Stripe.Charge | null) {
  return typeof charge === 'string' ? charge : (charge?.id ?? null)
}
