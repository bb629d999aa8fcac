import { appUrl } from '#config/app'
import type Order from '#models/order'
import Payment from '#models/payment'
import RefundPayment, { type RefundResult } from '#actions/payments/refund_payment'
import { orderUrl } from '#actions/shop/confirm_order'
import BillingNotification from '#mails/billing_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { formatMoney } from '#services/money/format_money'
import type { Actor } from '#support/actor'

/**
 * After an adjustment of a paid order committed: the difference back on the payment that
 * took it. Keyed by the order's new total, so a retry refunds once: a total never rises
 * and only a lower one refunds, so each refunding adjustment has its own.
 */
export async function refundAdjustment(actor: Actor, order: Order, amount: number): Promise<RefundResult> {
  const payments = await Payment.query().where('order_id', order.id).withScopes((s) => s.settled()).orderBy('created_at')
  const payment = payments.find((candidate) => candidate.refundable >= amount)
  if (!payment) return { ok: false, reason: 'more_than_refundable' }
  return RefundPayment.handle(actor, payment, {
    amount,
    reason: `Order ${order.orderNumber} adjusted by the studio`,
    idempotencyKey: `order-adjusted:${order.id}:${order.totalAmount}`,
  })
}

/** The customer's email: what changed, the new total and what happens to the difference. */
export async function tellCustomer(order: Order, change: string, before: number, refund: RefundResult | null) {
  const money = (cents: number) => formatMoney(cents, order.currency)
  const difference = before - order.totalAmount
  const lines = [`The studio adjusted your order before it goes to print. ${change}.`, `New total: ${money(order.totalAmount)} (was ${money(before)}).`]
  if (refund?.ok) lines.push(`We are refunding the ${money(difference)} difference to you.`)
  else if (refund) lines.push(`The studio will refund the ${money(difference)} difference to you.`)
  await deliverMail(
    new BillingNotification({
      to: order.customerEmail,
      greeting: 'Hello,',
      subject: `Your order ${order.orderNumber} was adjusted`,
      lines,
      link: { label: 'See your order', url: appUrl + orderUrl(order) },
    })
  )
}
