import env from '#start/env'
import type { PaymentGateway } from '#services/payments/payment_gateway'
import { OfflineGateway } from '#services/payments/offline_gateway'
import { StripeGateway } from '#services/payments/stripe_gateway'
import { PaypalGateway } from '#services/payments/paypal_gateway'

/** Stripe as configured (key, webhook secret, and another API host for the local server); null without a key. */
export function stripeFromEnv(): StripeGateway | null {
  const secretKey = env.get('STRIPE_SECRET_KEY')
  if (!secretKey) return null
  return new StripeGateway({
    secretKey,
    webhookSecret: env.get('STRIPE_WEBHOOK_SECRET') ?? '',
    host: env.get('STRIPE_API_HOST') || undefined,
    port: env.get('STRIPE_API_PORT') || undefined,
    protocol: env.get('STRIPE_API_PROTOCOL') || undefined,
  })
}

/** PayPal as configured (client credentials, webhook id, base URL); null without credentials. */
export function paypalFromEnv(): PaypalGateway | null {
  const clientId = env.get('PAYPAL_CLIENT_ID')
  const clientSecret = env.get('PAYPAL_CLIENT_SECRET')
  if (!clientId || !clientSecret) return null
  return new PaypalGateway({
    clientId,
    clientSecret,
    webhookId: env.get('PAYPAL_WEBHOOK_ID') ?? '',
    baseUrl: (env.get('PAYPAL_BASE_URL') || 'https://api-m.sandbox.paypal.com').replace(/\/$/, ''),
  })
}

const gateways: Record<string, () => PaymentGateway> = {
  offline: () => new OfflineGateway(),
  stripe: () => {
    const stripe = stripeFromEnv()
    if (!stripe) throw new Error('PAYMENT_GATEWAY=stripe needs STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET for webhooks)')
    return stripe
  },
  paypal: () => {
    const paypal = paypalFromEnv()
    if (!paypal) throw new Error('PAYMENT_GATEWAY=paypal needs PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET (and PAYPAL_WEBHOOK_ID for webhooks)')
    return paypal
  },
}

let current: PaymentGateway | null = null

/** The gateway named by PAYMENT_GATEWAY (default `offline`). */
export function paymentGateway(): PaymentGateway {
  if (current) return current
  const name = env.get('PAYMENT_GATEWAY', 'offline')
  const make = gateways[name]
  if (!make) throw new Error(`PAYMENT_GATEWAY=${name} is not available (known: ${Object.keys(gateways).join(', ')})`)
  current = make()
  return current
}

/** Stripe, whether or not it takes new payments: webhooks and refunds of earlier card payments still need it. */
export function stripeGateway(): StripeGateway | null {
  const gateway = paymentGateway()
  return gateway instanceof StripeGateway ? gateway : stripeFromEnv()
}

/** Tests swap the gateway; `null` goes back to the configured one. */
export function useGateway(gateway: PaymentGateway | null) {
  current = gateway
}

/** PayPal, whether or not it takes new payments: webhooks and refunds of earlier PayPal payments still need it. */
export function paypalGateway(): PaypalGateway | null {
  const gateway = paymentGateway()
  return gateway instanceof PaypalGateway ? gateway : paypalFromEnv()
}
