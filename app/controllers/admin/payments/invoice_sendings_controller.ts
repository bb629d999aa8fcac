import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import SendInvoice from '#actions/invoices/send_invoice'
import { findByRouteId } from '#services/http/route_ids'

/** "Open and send" (a draft) or "Send again" (an open invoice): the family is emailed its link. */
export default class InvoiceSendingsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await findByRouteId(Invoice, ctx.params.invoice_id)
    const result = await SendInvoice.handle(ctx.actor, invoice)
    if (result.ok) ctx.session.flash('success', `Invoice ${invoice.number} ${result.opened ? 'opened and ' : ''}sent${result.email ? ` to ${result.email.to}` : ''}.`)
    else ctx.session.flash('error', 'Only draft and open invoices are sent.')
    return ctx.response.redirect().status(303).toRoute('admin.invoices.show', { id: invoice.id })
  }
}
