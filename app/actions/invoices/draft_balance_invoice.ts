import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invoice from '#models/invoice'
import PaymentPlan from '#models/payment_plan'
import type PhotoSession from '#models/photo_session'
import CreateInvoice from '#actions/invoices/create_invoice'
import { sessionInvoice } from '#actions/invoices/invoice_sources'

/**
 * A session completed with money still owed: a draft balance invoice for it, which the
 * studio reviews and sends (Pixieset's auto-drafted balance invoice). Nothing when the
 * balance is paid, when a plan is collecting it, or when a balance invoice is already
 * draft or open.
 */
export default class DraftBalanceInvoice {
  static async handle(session: PhotoSession, trx: TransactionClientContract): Promise<Invoice | null> {
    if (session.balanceDue <= 0) return null
    const collecting = await PaymentPlan.query({ client: trx }).where('photo_session_id', session.id).whereIn('status', ['active', 'past_due']).first()
    if (collecting) return null
    const existing = await Invoice.query({ client: trx }).where('photo_session_id', session.id).where('kind', 'balance').whereIn('status', ['draft', 'open']).first()
    if (existing) return existing
    const draft = await sessionInvoice(session, 'balance', trx)
    return draft ? CreateInvoice.handle({ ...draft, notes: 'Drafted when the session was completed.' }, trx) : null
  }
}
