import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import type Refund from '#models/refund'
import Invoice from '#models/invoice'
import User from '#models/user'
import Order from '#models/order'
import { orderMailLinks } from '#actions/shop/confirm_order'
import RecordAudit from '#actions/audit/record_audit'
import { applyRefundToOrder } from '#actions/payments/apply_payment_to_order'
import RefundIssuedNotification, { type RefundAddressee } from '#mails/refund_issued_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

/**
 * Records money the gateway gave back on the payment (its compare-and-set on the amount
 * refunded so far), its invoice and, refunded in full, its print order, inside the caller's
 * transaction. Null when the payment no longer has that much to refund: another refund took
 * it first.
 */
export async function applyRefund(trx: TransactionClientContract, paymentId: string, amount: number, reason: string, actor: Actor) {
  const fresh = await Payment.query({ client: trx }).where('id', paymentId).firstOrFail()
  if (amount > fresh.refundable) return null
  if (!(await fresh.refund(reason, amount, { actor, client: trx }))) return null
  if (fresh.invoiceId) await trx.from('invoices').where('id', fresh.invoiceId).increment('refunded_amount', amount)
  await applyRefundToOrder(fresh, actor, trx)
  return fresh
}

/** After a refund is recorded: the audit entry and the customer's email (once: only the call that recorded it gets here). */
export async function announceRefund(actor: Actor, payment: Payment, refund: Refund) {
  await RecordAudit.handle(actor, {
    action: 'payment.refunded',
    subject: { type: 'payment', id: payment.id },
    details: { amount: refund.amount, reason: refund.reason, provider: payment.provider, refund: refund.id },
  })
  const invoice = payment.invoiceId ? await Invoice.find(payment.invoiceId) : null
  const addressee = await addresseeOf(payment, invoice)
  if (addressee) await deliverMail(new RefundIssuedNotification(addressee, payment, refund, invoice))
}

/** The family's account; else a guest's order's address, with the signed links that stand in for an account. */
async function addresseeOf(payment: Payment, invoice: Invoice | null): Promise<RefundAddressee | null> {
  const family = payment.userId ? await User.find(payment.userId) : null
  if (family?.email) return { email: family.email, firstName: family.firstName, links: [] }
  const order = payment.orderId ? await Order.find(payment.orderId) : null
  if (!order) return null
  const links = orderMailLinks(order, invoice)
  return { email: order.customerEmail, firstName: null, links: links.invoice ? [links.order, links.invoice] : [links.order] }
}
