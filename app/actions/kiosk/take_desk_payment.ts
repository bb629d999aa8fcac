import Payment from '#models/payment'
import type PhotoSession from '#models/photo_session'
import User from '#models/user'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import DeskReceiptNotification from '#mails/desk_receipt_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

export type DeskPaymentResult =
  | { ok: true; payment: Payment; replayed: boolean }
  | { ok: false; reason: 'nothing_due' | 'more_than_due' | 'not_received' }

/**
 * The balance taken at the desk (cash or the card terminal) through the offline gateway: a
 * pending offline payment written under the form's idempotency key, then marked received
 * by MarkPaymentReceived (who, how much, how; the session's balance drops). A replay of the
 * same form (double tap, a retry after a dropped connection) finds the payment it made and
 * records nothing more. The family gets a receipt by email.
 */
export default class TakeDeskPayment {
  static async handle(actor: Actor, session: PhotoSession, input: { amount: number; method: 'cash' | 'card'; idempotencyKey: string }): Promise<DeskPaymentResult> {
    const key = `desk:${input.idempotencyKey}`
    const existing = await Payment.findBy('idempotency_key', key)
    if (existing) return existing.status === 'succeeded' ? { ok: true, payment: existing, replayed: true } : { ok: false, reason: 'not_received' }
    if (session.balanceDue <= 0) return { ok: false, reason: 'nothing_due' }
    if (input.amount > session.balanceDue) return { ok: false, reason: 'more_than_due' }

    const payment = await Payment.createOnce({
      userId: session.userId,
      photoSessionId: session.id,
      amount: input.amount,
      currency: session.currency,
      paymentType: 'balance',
      method: 'in_studio',
      provider: 'offline',
      idempotencyKey: key,
      status: 'pending',
      refundAmount: 0,
    })
    const received = await MarkPaymentReceived.handle(actor, payment, input.method)
    if (!received.ok) {
      await payment.refresh()
      return payment.status === 'succeeded' ? { ok: true, payment, replayed: true } : { ok: false, reason: 'not_received' }
    }
    await session.refresh()
    const family = await User.find(session.userId)
    if (family?.email) await deliverMail(new DeskReceiptNotification(family, session, payment, input.method))
    return { ok: true, payment, replayed: false }
  }
}
