import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import Payment from '#models/payment'
import StudioSetting from '#models/studio_setting'
import RefundPayment from '#actions/payments/refund_payment'
import BillingNotification from '#mails/billing_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { formatMoney } from '#services/money/format_money'
import type { Actor } from '#support/actor'
import { restock } from '#actions/shop/restock_order'
import { orderMailLinks } from '#actions/shop/confirm_order'

export type CancelOrderResult =
  | { ok: true; refunded: number; studioRefunds: number }
  | { ok: false; reason: 'review_over' }

/**
 * The customer cancels during the review window: its stocked prints go back on the shelf
 * and a pending payment is closed with it. A
 * card payment already taken is refunded in full through its gateway (keyed by the order,
 * so a retry refunds once); money paid at the studio, or a refund the gateway refuses, is
 * left to the studio, which is emailed. The customer is emailed the cancellation once (only
 * the call that cancelled gets this far), saying where each payment goes back: a guest has
 * no portal to read it in. `refunded` and `studioRefunds` are in cents.
 */
export default class CancelOrder {
  static async handle(actor: Actor, order: Order): Promise<CancelOrderResult> {
    const cancelled = await db.transaction(async (trx) => {
      order.useTransaction(trx)
      if (!(await order.cancelInReview({ actor, client: trx }))) return false
      await restock(order, trx)
      const pending = await Payment.query({ client: trx }).where('order_id', order.id).where('status', 'pending')
      for (const payment of pending) await payment.markFailed('order_cancelled', 'The order was cancelled', { actor, client: trx })
      return true
    })
    if (!cancelled) return { ok: false, reason: 'review_over' }

    let refunded = 0
    const forStudio: Payment[] = []
    const taken = await Payment.query().where('order_id', order.id).whereIn('status', ['succeeded', 'partially_refunded'])
    for (const payment of taken) {
      const amount = payment.refundable
      if (payment.provider === 'offline') {
        forStudio.push(payment)
        continue
      }
      const result = await RefundPayment.handle(actor, payment, { amount, reason: 'Order cancelled in the review window', idempotencyKey: `order-cancelled:${order.id}` })
      if (result.ok) refunded += amount
      else forStudio.push(payment)
    }
    const studioRefunds = forStudio.reduce((sum, payment) => sum + payment.refundable, 0)
    if (forStudio.length) await tellStudio(order, forStudio)
    await tellCustomer(order, refunded, studioRefunds)
    return { ok: true, refunded, studioRefunds }
  }
}

async function tellCustomer(order: Order, refunded: number, studioRefunds: number) {
  const lines = [`Order ${order.orderNumber} is cancelled, as you asked: nothing of it will be printed or sent.`]
  if (refunded) lines.push(`${formatMoney(refunded, order.currency)} is on its way back to the card you paid with (banks take 5 to 10 days to show it); a refund email confirms it.`)
  if (studioRefunds) lines.push(`The studio gives back the ${formatMoney(studioRefunds, order.currency)} you paid there, the way you paid (cash or the card terminal).`)
  if (!refunded && !studioRefunds) lines.push('Nothing was charged.')
  await deliverMail(
    new BillingNotification({
      to: order.customerEmail,
      greeting: 'Hello,',
      subject: `Order ${order.orderNumber} is cancelled`,
      lines,
      link: orderMailLinks(order, null).order,
    })
  )
}

async function tellStudio(order: Order, payments: Payment[]) {
  const settings = await StudioSetting.current()
  if (!settings.email) return
  const owed = payments.map((payment) => `${formatMoney(payment.refundable, payment.currency)} (${payment.provider === 'offline' ? `paid at the studio by ${payment.method ?? 'hand'}` : `${payment.provider}: the refund did not go through`})`)
  await deliverMail(
    new BillingNotification({
      to: settings.email,
      greeting: 'Hello,',
      subject: `Refund to make: order ${order.orderNumber} was cancelled`,
      lines: [`${order.customerEmail} cancelled order ${order.orderNumber} in its review window. Still to give back: ${owed.join(', ')}.`],
      link: null,
    })
  )
}
