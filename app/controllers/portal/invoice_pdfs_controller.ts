import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import { familyInvoice } from '#controllers/portal/invoices_controller'
import { invoicePdf } from '#services/invoices/invoice_pdf'

/** The family's invoice as a PDF download. */
export default class InvoicePdfsController {
  async show(ctx: HttpContext) {
    const invoice = await familyInvoice(ctx, ctx.params.invoice_id)
    await invoice.load('items')
    const pdf = await invoicePdf(invoice, await StudioSetting.current())
    ctx.response.header('content-type', 'application/pdf')
    ctx.response.header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
    return pdf
  }
}
