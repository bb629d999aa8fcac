import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Order from '#models/order'
import OrderItem from '#models/order_item'
import Payment from '#models/payment'
import ProductVariant from '#models/product_variant'
import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import { repriceOrder } from '#actions/shop/reprice_order'
import { refundAdjustment, tellCustomer } from '#actions/shop/adjustment_follow_up'
import type { RefundResult } from '#actions/payments/refund_payment'
import { affectedRows } from '#support/db/affected_rows'
import { notFound } from '#services/http/route_ids'
import type { Actor } from '#support/actor'

export interface AdjustmentInput {
  itemId: string
  /** Lower than the line's; 0 removes the line. */
  quantity: number
}

export type AdjustOrderRefusal = 'review_over' | 'not_adjustable' | 'nothing_left' | 'would_raise' | 'payment_started' | 'stale'

export type AdjustOrderResult = { ok: true; change: string; total: number; refund: RefundResult | null } | { ok: false; reason: AdjustOrderRefusal }

/**
 * The studio lowers a line (or removes one) in the order's review window; the customer
 * never pays more. One transaction: the totals repriced by checkout's rules, the order's
 * compare-and-set (window, status and the `updated_at` read: two staff can't both apply)
 * with its history row, the line, the units back on the shelf, a pending payment's amount.
 * A Checkout session already opened can't change its amount: refused. After the commit a
 * paid order gets the difference back (keyed by the adjustment: a retry refunds once) and
 * the customer is emailed.
 */
export default class AdjustOrder {
  static async handle(actor: Actor, order: Order, input: AdjustmentInput): Promise<AdjustOrderResult> {
    const before = order.totalAmount
    const now = DateTime.now()
    const settings = await StudioSetting.current()
    const outcome = await db.transaction(async (trx) => {
      if (order.status !== 'pending' && order.status !== 'paid') return { ok: false, reason: 'not_adjustable' } as const
      if (!order.reviewEndsAt || order.reviewEndsAt <= now) return { ok: false, reason: 'review_over' } as const
      const items = await OrderItem.query({ client: trx })
        .where('order_id', order.id)
        .preload('productVariant', (q) => q.preload('product'))
        .preload('artwork')
        .preload('photo', (q) => q.preload('mediaAsset'))
      const item = items.find((line) => line.id === input.itemId) ?? notFound(OrderItem)
      if (input.quantity >= item.quantity) return { ok: false, reason: 'would_raise' } as const
      const lines = items.filter((line) => line !== item || input.quantity > 0).map((line) => ({ item: line, quantity: line === item ? input.quantity : line.quantity }))
      if (!lines.length) return { ok: false, reason: 'nothing_left' } as const
      const totals = await repriceOrder(order, lines, settings, trx)
      if (totals.total > before) return { ok: false, reason: 'would_raise' } as const
      const pending = await Payment.query({ client: trx }).where('order_id', order.id).where('status', 'pending')
      if (pending.some((payment) => payment.provider !== 'offline' && payment.providerPaymentId)) return { ok: false, reason: 'payment_started' } as const

      const change = input.quantity ? `${item.label}: ${item.quantity} → ${input.quantity}` : `${item.label}: removed`
      const set = { subtotal: totals.subtotal, discountAmount: totals.discount, shippingAmount: totals.shipping, taxAmount: totals.tax, totalAmount: totals.total }
      if (!(await order.adjustInReview(set, { actor, client: trx, now, note: `Adjusted by the studio: ${change}` }))) return { ok: false, reason: 'stale' } as const
      if (input.quantity) await trx.from('order_items').where('id', item.id).update({ quantity: input.quantity, total_price: item.unitPrice * input.quantity })
      else await trx.from('order_items').where('id', item.id).delete()
      await ProductVariant.returnStock(item.productVariantId, item.quantity - input.quantity, trx)
      for (const payment of pending) {
        // Paid at the desk meanwhile: the order's total and what was taken would disagree.
        if (affectedRows(await trx.from('payments').where('id', payment.id).where('status', 'pending').update({ amount: totals.total })) !== 1) {
          await trx.rollback()
          return { ok: false, reason: 'stale' } as const
        }
      }
      return { ok: true, change } as const
    })
    if (!outcome.ok) return outcome

    const refund = order.status === 'paid' && order.totalAmount < before ? await refundAdjustment(actor, order, before - order.totalAmount) : null
    await RecordAudit.handle(actor, {
      action: 'order.adjusted',
      subject: { type: 'order', id: order.id },
      details: { change: outcome.change, totalBefore: before, totalAfter: order.totalAmount, refunded: refund?.ok ? refund.refund.amount : 0 },
    })
    await tellCustomer(order, outcome.change, before, refund)
    return { ok: true, change: outcome.change, total: order.totalAmount, refund }
  }
}
