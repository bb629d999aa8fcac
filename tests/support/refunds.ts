import { randomUUID } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import type Payment from '#models/payment'
import type User from '#models/user'

/** An admin's refund from the payment's page, as the form sends it (`key` is the form's idempotency key). */
export function refundInLoupe(client: ApiClient, admin: User, payment: Payment, amount: string, reason: string, key = randomUUID()) {
  return client.post(`/admin/payments/${payment.id}/refunds`).form({ amount, reason, idempotencyKey: key }).loginAs(admin).withCsrfToken().redirects(0)
}
