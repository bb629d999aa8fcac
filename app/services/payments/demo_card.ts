import app from '@adonisjs/core/services/app'
import { paymentGateway } from '#services/payments/gateway'
import { StripeGateway } from '#services/payments/stripe_gateway'

/** Card payments go to the local server speaking Stripe's API (the demo card): never in production. */
export function isDemoCard() {
  if (app.inProduction) return false
  const gateway = paymentGateway()
  return gateway instanceof StripeGateway && ['127.0.0.1', 'localhost'].includes(gateway.config.host ?? '')
}
