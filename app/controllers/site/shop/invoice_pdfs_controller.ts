import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import { customerInvoice } from '#controllers/site/shop/invoices_controller'
import { invoicePdf } from '#services/invoices/invoice_pdf'

/** A guest's shop invoice as a PDF download, through its signed link. */
export default class InvoicePdfsController {
  async show(ctx: HttpContext) {
    const invoice = await customerInvoice(ctx, ctx.params.invoice_id)
    const pdf = await invoicePdf(invoice, await StudioSetting.current())
    ctx.response.header('content-type', 'application/pdf')
    ctx.response.header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
    return pdf
  }
}
