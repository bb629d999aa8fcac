import type Payment from '#models/payment'

/**
 * The one interface every payment provider implements (offline now; Stripe and PayPal
 * next). Loupe first writes a pending `payments` row with its idempotency key, then asks
 * the gateway to start collecting it. The gateway answers with what the customer does
 * next: go to a hosted page, or nothing online (pay at the studio).
 */
export interface PaymentGateway {
  /** Stored as `payments.provider`. */
  readonly provider: 'offline' | 'stripe' | 'paypal'
  /** How a payment started through this gateway is taken, as `payments.method` says it. */
  readonly method: 'in_studio' | 'card'

  start(request: PaymentStartRequest): Promise<PaymentStart>

  /**
   * Gives back all or part of a succeeded payment through the provider that took it.
   * `idempotencyKey` is stable per refund (a retry never refunds twice).
   */
  refund(request: PaymentRefundRequest): Promise<PaymentRefund>

  /**
   * Charges a card saved earlier, the customer absent (plan installments). Only gateways
   * that save cards have it: PayPal Orders has no off-session charge, so PaypalGateway
   * leaves this (and `startCardSetup`) out and billing must skip or refuse installments. A card error is a `failed` value; an unknown outcome (network,
   * provider down) throws, and a retry with the same key is answered, never charged again.
   */
  chargeSavedCard?(request: SavedCardCharge): Promise<SavedCardResult>

  /** A hosted page where the customer saves (or replaces) the card later charges use. */
  startCardSetup?(request: CardSetupRequest): Promise<{ url: string; providerSetupId: string }>
}

export interface SavedCardCharge {
  customerId: string
  paymentMethodId: string
  amountCents: number
  currency: string
  description: string
  idempotencyKey: string
  metadata: Record<string, string>
}

export type SavedCardResult =
  | { status: 'succeeded'; providerPaymentId: string; providerChargeId: string | null }
  | { status: 'failed'; failureCode: string; failureReason: string; providerPaymentId: string | null }

export interface CardSetupRequest {
  customer: { id: string; email: string | null; name: string }
  currency: string
  metadata: Record<string, string>
  returnUrl: string
  cancelUrl: string
}

export interface PaymentRefundRequest {
  payment: Payment
  amountCents: number
  reason: string
  idempotencyKey: string
}

export type PaymentRefund =
  /** `providerRefundId` is null for money handed back at the desk. */
  | { status: 'succeeded' | 'pending'; providerRefundId: string | null }
  | { status: 'failed'; failureCode: string; failureReason: string }

export interface PaymentStartRequest {
  /** The pending row (amount, currency, type, idempotency key). */
  payment: Payment
  /** `id` is the customer's account; null for a guest at the shop's checkout. */
  customer: { id: string | null; email: string | null; name: string }
  /** One line for the hosted page and the receipt: "Deposit for S-2026-000123 (Rockstar mini)". */
  description: string
  /** Where a hosted page sends the customer back to, after paying or giving up. */
  returnUrl: string
  cancelUrl: string
}

export type PaymentStart =
  /** Send the customer to the provider's page; `providerPaymentId` is stored on the payment. */
  | { kind: 'redirect'; url: string; providerPaymentId: string }
  /** Nothing to do online: the payment stays pending until the studio marks it received. */
  | { kind: 'pay_at_studio' }

/** A refund as the gateway reports it (webhook), made in Loupe or in the provider's dashboard. */
export interface ProviderRefund {
  providerRefundId: string
  /** Cents. */
  amount: number
  status: 'succeeded' | 'pending' | 'failed'
  /** The idempotency key Loupe sent with a refund it asked for (Stripe metadata, PayPal custom_id). */
  loupeKey: string | null
  /** The provider's reason code, if any (`duplicate`, `fraudulent`, `requested_by_customer`). */
  providerReason: string | null
}
