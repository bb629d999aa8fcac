import type Invoice from '#models/invoice'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export type VoidInvoiceResult = { ok: true } | { ok: false; reason: 'has_payments' | 'not_allowed' }

/** Cancels an invoice nothing was paid on (a mistake, a waived balance), with the reason. */
export default class VoidInvoice {
  static async handle(actor: Actor, invoice: Invoice, reason: string | null): Promise<VoidInvoiceResult> {
    if (invoice.amountPaid > 0) return { ok: false, reason: 'has_payments' }
    if (!(await invoice.markVoid({ actor, note: reason }))) return { ok: false, reason: 'not_allowed' }
    await RecordAudit.handle(actor, { action: 'invoice.voided', subject: { type: 'invoice', id: invoice.id }, details: { number: invoice.number, reason } })
    return { ok: true }
  }
}
