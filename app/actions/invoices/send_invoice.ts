import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Invoice from '#models/invoice'
import User from '#models/user'
import type EmailLog from '#models/email_log'
import RecordAudit from '#actions/audit/record_audit'
import InvoiceSentNotification from '#mails/invoice_sent_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { Actor } from '#support/actor'

/** An invoice's page for its customer: the portal's for an account, a signed link for a guest's order (no account to sign in to). */
export function invoiceUrl(invoice: Invoice) {
  if (invoice.userId) return router.builder().params({ id: invoice.id }).make('portal.invoices.show')
  return router.makeSignedUrl('invoices.show', { id: invoice.id }, { purpose: 'invoice' })
}

export type SendInvoiceResult = { ok: true; email: EmailLog | null; opened: boolean } | { ok: false; reason: 'not_open' }

/**
 * Opens a draft invoice (it is owed from now on) and emails the family its link in the
 * portal; an open invoice is sent again. Paid and void invoices are not sent.
 */
export default class SendInvoice {
  static async handle(actor: Actor, invoice: Invoice): Promise<SendInvoiceResult> {
    const opened = invoice.status === 'draft' && (await invoice.issue({ actor }))
    if (!opened) await invoice.refresh()
    if (invoice.status !== 'open') return { ok: false, reason: 'not_open' }
    invoice.sentAt = DateTime.now()
    await invoice.save()
    await RecordAudit.handle(actor, { action: opened ? 'invoice.opened' : 'invoice.sent', subject: { type: 'invoice', id: invoice.id }, details: { number: invoice.number } })
    const family = invoice.userId ? await User.find(invoice.userId) : null
    if (!family?.email) return { ok: true, email: null, opened }
    const link = appUrl + invoiceUrl(invoice)
    await invoice.load('items')
    return { ok: true, email: await deliverMail(new InvoiceSentNotification(family, invoice, link)), opened }
  }
}
