import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import type Payment from '#models/payment'
import type { Actor } from '#support/actor'

/**
 * In the transaction that settled `payment`: the print order it paid for is paid
 * (pending → paid through the order's compare-and-set, so a redelivered event or a second
 * desk changes nothing). Its review window keeps running from when it was placed; when it
 * closes, fulfillment:sync sends the order to print. Returns whether the order moved.
 */
export async function applyPaymentToOrder(payment: Payment, actor: Actor, trx: TransactionClientContract) {
  if (!payment.orderId) return false
  const order = await Order.query({ client: trx }).where('id', payment.orderId).first()
  if (!order || order.status !== 'pending') return false
  return order.markPaid(payment, { actor, client: trx, note: payment.provider === 'offline' ? 'Paid at the studio' : 'Paid by card' })
}

/**
 * In the transaction that recorded a refund: an order whose payment was given back in full
 * is refunded (a partial refund leaves it as it is). An order still pending was never paid
 * and has nothing to refund.
 */
export async function applyRefundToOrder(payment: Payment, actor: Actor, trx: TransactionClientContract) {
  if (!payment.orderId || payment.status !== 'refunded') return false
  const order = await Order.query({ client: trx }).where('id', payment.orderId).first()
  if (!order) return false
  return order.refund({ actor, client: trx, note: 'Payment refunded in full' })
}
