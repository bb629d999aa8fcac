import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Payment from '#models/payment'
import type { Actor } from '#support/actor'

export type CancelOrderResult = { ok: true } | { ok: false; reason: 'review_over' }

/**
 * The customer cancels during the review window. A pending payment is closed with it; a
 * payment already taken is refunded by the studio through the money layer.
 */
export default class CancelOrder {
  static async handle(actor: Actor, order: Order): Promise<CancelOrderResult> {
    return db.transaction(async (trx) => {
      order.useTransaction(trx)
      if (!(await order.cancelInReview({ actor, client: trx }))) return { ok: false, reason: 'review_over' } as const
      const pending = await Payment.query({ client: trx }).where('order_id', order.id).where('status', 'pending')
      for (const payment of pending) await payment.markFailed('order_cancelled', 'The order was cancelled', { actor, client: trx })
      return { ok: true } as const
    })
  }
}
