import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import StudioSetting from '#models/studio_setting'
import InvoicePolicy from '#policies/invoice_policy'
import { invoicePdf } from '#services/invoices/invoice_pdf'
import { findByRouteId } from '#services/http/route_ids'

/** Any invoice as a PDF, for the studio. */
export default class InvoicePdfsController {
  async show(ctx: HttpContext) {
    const invoice = await findByRouteId(Invoice, ctx.params.invoice_id)
    await ctx.bouncer.with(InvoicePolicy).authorize('view', invoice)
    await invoice.load('items')
    const pdf = await invoicePdf(invoice, await StudioSetting.current())
    ctx.response.header('content-type', 'application/pdf')
    ctx.response.header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
    return pdf
  }
}
