import db from '@adonisjs/lucid/services/db'
import type Payment from '#models/payment'
import { applyPaymentToSession } from '#actions/payments/apply_payment_to_session'
import { applyPaymentToOrder } from '#actions/payments/apply_payment_to_order'
import RecordAudit from '#actions/audit/record_audit'
import ApplyPaymentToInvoice from '#actions/invoices/apply_payment_to_invoice'
import { sendOrderReceipt } from '#actions/payments/settle_card_payment'
import type { Actor } from '#support/actor'

export type MarkReceivedResult = { ok: true; confirmed: boolean } | { ok: false; reason: 'not_pending' }

/**
 * The studio took an offline payment at the desk (cash, card terminal, transfer): the
 * pending payment succeeds with who and how, the session's balance drops, and a booked
 * session whose deposit (or full price) this was is confirmed, a print order it paid for is
 * paid; the payment counts on its invoice (ApplyPaymentToInvoice). One transaction. An
 * order's customer (a guest too) then gets its receipt, once.
 */
export default class MarkPaymentReceived {
  static async handle(actor: Actor, payment: Payment, method: 'cash' | 'card' | 'bank_transfer'): Promise<MarkReceivedResult> {
    if (payment.status !== 'pending' || payment.provider !== 'offline') return { ok: false, reason: 'not_pending' }
    let confirmed = false
    const received = await db.transaction(async (trx) => {
      if (!(await payment.markSucceeded({ method, receivedBy: actor.userId }, { actor, client: trx }))) return false
      await ApplyPaymentToInvoice.handle(payment, { actor, client: trx })
      confirmed = await applyPaymentToSession(payment, actor, trx)
      await applyPaymentToOrder(payment, actor, trx)
      return true
    })
    // A double tap or a second desk got there first.
    if (!received) return { ok: false, reason: 'not_pending' }
    await RecordAudit.handle(actor, {
      action: 'payment.received',
      subject: { type: 'payment', id: payment.id },
      details: { amount: payment.amount, method, session: payment.photoSessionId },
    })
    // A session's desk receipt is the kiosk's (TakeDeskPayment); an order's is the one a card payment sends.
    if (payment.orderId) await sendOrderReceipt(payment)
    return { ok: true, confirmed }
  }
}
