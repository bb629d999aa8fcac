import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type PhotoSession from '#models/photo_session'
import User from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import PaymentLinkNotification from '#mails/payment_link_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

export const BALANCE_LINK_PURPOSE = 'session_balance'

export type PaymentLinkResult = { ok: true; email: string } | { ok: false; reason: 'nothing_due' | 'no_email' }

/** The family's link to pay the session's balance online: signed, valid for 7 days. */
export function balancePaymentUrl(session: PhotoSession) {
  return appUrl + router.makeSignedUrl('balance_payments.create', { session_id: session.id }, { expiresIn: '7 days', purpose: BALANCE_LINK_PURPOSE })
}

/** From the desk: emails the family a pay-by-link for the balance (paid through StartPayment). */
export default class SendPaymentLink {
  static async handle(actor: Actor, session: PhotoSession): Promise<PaymentLinkResult> {
    if (session.balanceDue <= 0) return { ok: false, reason: 'nothing_due' }
    const family = await User.find(session.userId)
    if (!family?.email) return { ok: false, reason: 'no_email' }
    await deliverMail(new PaymentLinkNotification(family, session, balancePaymentUrl(session)))
    await RecordAudit.handle(actor, { action: 'session.payment_link_sent', subject: { type: 'photo_session', id: session.id }, details: { amount: session.balanceDue } })
    return { ok: true, email: family.email }
  }
}
