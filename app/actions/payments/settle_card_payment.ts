import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import Payment from '#models/payment'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import PaymentReceiptNotification from '#mails/payment_receipt_notification'
import BillingNotification from '#mails/billing_notification'
import Order from '#models/order'
import Invoice from '#models/invoice'
import { orderMailLinks } from '#actions/shop/confirm_order'
import { formatMoney } from '#services/money/format_money'
import { DateTime } from 'luxon'
import { applyPaymentToSession, sessionOverpayment } from '#actions/payments/apply_payment_to_session'
import RefundPayment from '#actions/payments/refund_payment'
import { applyPaymentToOrder } from '#actions/payments/apply_payment_to_order'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import RecordAudit from '#actions/audit/record_audit'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

export interface PaidIntent {
  paymentIntentId: string
  chargeId: string | null
  customerId: string | null
  paymentMethodId: string | null
}

export type SettleResult = { ok: true; settled: boolean } | { ok: false; reason: 'unknown_payment' }

/**
 * The provider says a card payment went through (a webhook, whichever of Checkout's
 * events comes first). The pending payment succeeds once (a compare-and-set, so a
 * redelivered or concurrent event settles nothing twice and sends one receipt), the
 * session's balance and status, the print order it paid for, and its invoice (ApplyPaymentToInvoice) follow in the same transaction, and the card it saved is
 * kept on the session's plan for the installments (every time: that part is idempotent).
 */
export default class SettleCardPayment {
  static async handle(actor: Actor, paymentId: string, intent: PaidIntent): Promise<SettleResult> {
    const payment = await Payment.find(paymentId)
    if (!payment || (payment.provider !== 'stripe' && payment.provider !== 'paypal')) return { ok: false, reason: 'unknown_payment' }
    const settled = await db.transaction(async (trx) => {
      const won = await payment.markSucceeded(
        { providerPaymentId: intent.paymentIntentId, providerChargeId: intent.chargeId },
        { actor, client: trx, note: 'Paid by card' }
      )
      if (won) {
        await applyPaymentToSession(payment, actor, trx)
        await applyPaymentToOrder(payment, actor, trx)
        await ApplyPaymentToInvoice.handle(payment, { actor, client: trx })
      }
      if (intent.customerId && intent.paymentMethodId && payment.photoSessionId) {
        await trx
          .from('payment_plans')
          .where('photo_session_id', payment.photoSessionId)
          .whereIn('status', ['active', 'past_due'])
          .whereNull('stripe_payment_method_id')
          .update({ stripe_customer_id: intent.customerId, stripe_payment_method_id: intent.paymentMethodId })
      }
      return won
    })
    if (!settled) return { ok: true, settled: false }
    if (payment.photoSessionId && SESSION_PRICE.includes(payment.paymentType)) await refundOverpayment(actor, payment)
    await RecordAudit.handle(actor, {
      action: 'payment.received',
      subject: { type: 'payment', id: payment.id },
      details: { amount: payment.amount, method: 'card', provider: payment.provider, session: payment.photoSessionId },
    })
    await sendReceipt(payment)
    return { ok: true, settled: true }
  }
}

/** Payments towards a session's price (its balance is what they leave of it). */
const SESSION_PRICE = ['deposit', 'balance', 'plan_payment']

/** The part of this payment the session's price no longer needed goes back to the card, once. */
async function refundOverpayment(actor: Actor, payment: Payment) {
  const over = Math.min(payment.refundable, await sessionOverpayment(payment.photoSessionId!))
  if (over <= 0) return
  const reason = 'Paid more than the session costs: the difference goes back to your card'
  await RefundPayment.handle(actor, payment, { amount: over, reason, idempotencyKey: `overpaid:${payment.id}` })
}

export async function sendReceipt(payment: Payment, installment: string | null = null) {
  if (payment.orderId) return sendOrderReceipt(payment)
  const family = payment.userId ? await User.find(payment.userId) : null
  if (!family?.email) return
  const session = payment.photoSessionId ? await PhotoSession.find(payment.photoSessionId) : null
  await deliverMail(
    new PaymentReceiptNotification(family, payment, {
      sessionNumber: session?.sessionNumber ?? null,
      balance: session?.balanceDue ?? null,
      installment,
      link: appUrl + router.makeUrl('portal.payments.show', { id: payment.id }),
    })
  )
}

/**
 * A print order's receipt with its invoice, to the address it was placed with (a guest has
 * no account): paid by card here, at the desk by MarkPaymentReceived.
 */
export async function sendOrderReceipt(payment: Payment) {
  const order = await Order.find(payment.orderId!)
  if (!order) return
  const amount = formatMoney(payment.amount, payment.currency)
  const window = order.status === 'paid' && order.reviewEndsAt && order.reviewEndsAt > DateTime.now()
  const links = orderMailLinks(order, payment.invoiceId ? await Invoice.find(payment.invoiceId) : null)
  await deliverMail(
    new BillingNotification({
      to: order.customerEmail,
      greeting: 'Hello,',
      subject: `Receipt: ${amount} for order ${order.orderNumber}`,
      lines: [
        `We received ${amount} ${paidHow(payment)} for order ${order.orderNumber}. Thank you!`,
        window
          ? `Your prints go to the lab on ${order.reviewEndsAt!.toFormat('cccc, LLLL d, h:mm a')}; until then you can still cancel the order from its page.`
          : 'Your prints are on their way to the lab; the order page shows their progress and tracking.',
      ],
      link: links.order,
      moreLinks: links.invoice ? [links.invoice] : [],
    })
  )
}

function paidHow(payment: Payment) {
  if (payment.provider !== 'offline') return 'by card'
  if (payment.method === 'cash') return 'in cash at the studio'
  if (payment.method === 'bank_transfer') return 'by bank transfer'
  return 'by card at the studio'
}
