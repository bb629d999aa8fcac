import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import Invoice from '#models/invoice'
import StudioSetting from '#models/studio_setting'
import InvoicePolicy from '#policies/invoice_policy'
import { notFound } from '#services/http/route_ids'

/**
 * A shop invoice (items loaded) for its customer, through its signed link (guests) or signed
 * in as its account; 404 for anyone else. Never kept by a cache: the link is a secret.
 */
export async function customerInvoice(ctx: HttpContext, id: string) {
  const invoice = (await Invoice.query().where('id', id).preload('items').first()) ?? notFound(Invoice)
  await ctx.bouncer.with(InvoicePolicy).authorize('viewAsCustomer', invoice, ctx.request.hasValidSignature('invoice'))
  ctx.response.header('Cache-Control', 'private, no-store')
  return invoice
}

/** The download link on the invoice's page: signed like the page's own, so a guest can use it. */
export function invoicePdfUrl(invoice: Invoice) {
  return router.makeSignedUrl('invoice_pdfs.show', { invoice_id: invoice.id }, { purpose: 'invoice' })
}

/** The invoice of a guest's shop order, linked from the order's page and its receipt. */
export default class InvoicesController {
  async show(ctx: HttpContext) {
    const invoice = await customerInvoice(ctx, ctx.params.id)
    return ctx.view.render('pages/site/invoices/show', { invoice, studio: await StudioSetting.current(), pdfUrl: invoicePdfUrl(invoice) })
  }
}
