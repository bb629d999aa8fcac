import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import type Order from '#models/order'
import OrderItem from '#models/order_item'
import OrderShippedNotification from '#mails/order_shipped_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { orderUrl } from '#actions/shop/confirm_order'
import type { Actor } from '#support/actor'
import { restock } from '#actions/shop/restock_order'
import type { ORDER_MOVES } from '#validators/order'

export type OrderMove = (typeof ORDER_MOVES)[number]
export type ChangeOrderStatusResult = { ok: true } | { ok: false; reason: 'not_allowed' }

/**
 * The studio moves an order on: to production, shipped (with tracking: the customer is
 * emailed), delivered or cancelled. Each move is the model's compare-and-set: two staff
 * pressing "Shipped" at once ship it once and email once.
 */
export default class ChangeOrderStatus {
  static async handle(actor: Actor, order: Order, to: OrderMove, details: { trackingNumber?: string; note?: string } = {}): Promise<ChangeOrderStatusResult> {
    const moved = await db.transaction(async (trx) => {
      order.useTransaction(trx)
      const options = { actor, client: trx, note: details.note ?? null }
      switch (to) {
        case 'in_production':
          return order.startProduction(options)
        case 'shipped': {
          const tracking = [...new Set([...(order.trackingNumbers ?? []), details.trackingNumber!])]
          const done = await order.markShipped(tracking, options)
          if (done) {
            await OrderItem.query({ client: trx })
              .where('order_id', order.id)
              .whereNull('tracking_number')
              .update({ tracking_number: details.trackingNumber, fulfillment_status: 'shipped' })
          }
          return done
        }
        case 'delivered':
          return order.markDelivered(options)
        case 'cancelled':
          // Only the move that cancelled it puts the units back: a second press restocks nothing.
          if (!(await order.cancel(details.note, options))) return false
          await restock(order, trx)
          return true
      }
    })
    if (!moved) return { ok: false, reason: 'not_allowed' }
    if (to === 'shipped') {
      const link = appUrl + orderUrl(order)
      await deliverMail(new OrderShippedNotification(order, link))
    }
    return { ok: true }
  }
}
