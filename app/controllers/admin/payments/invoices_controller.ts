import type { HttpContext } from '@adonisjs/core/http'
import Invoice, { INVOICE_KINDS, INVOICE_STATUSES, invoiceStates } from '#models/invoice'
import StatusChange from '#models/status_change'
import StudioSetting from '#models/studio_setting'
import Refund from '#models/refund'
import InvoicePolicy from '#policies/invoice_policy'
import { invoicesMatching } from '#actions/invoices/search_invoices'
import { invoiceSearchValidator } from '#validators/invoice'
import { canTransition } from '#models/concerns/state_machine'
import { findByRouteId } from '#services/http/route_ids'

/** Admin → Invoices: filtered list, one invoice with its payments, refunds and history. */
export default class InvoicesController {
  async index(ctx: HttpContext) {
    const { page, ...filters } = await invoiceSearchValidator.validate(ctx.request.qs())
    const invoices = await invoicesMatching(filters).paginate(page ?? 1, 50)
    invoices.baseUrl(ctx.request.url())
    invoices.queryString(ctx.request.qs())
    return ctx.view.render('pages/admin/invoices/index', { invoices, filters: ctx.request.qs(), statuses: INVOICE_STATUSES, kinds: INVOICE_KINDS })
  }

  async show(ctx: HttpContext) {
    const invoice = await findByRouteId(Invoice, ctx.params.id)
    await ctx.bouncer.with(InvoicePolicy).authorize('view', invoice)
    await invoice.load('items')
    const payments = await invoice.related('payments').query().orderBy('created_at')
    const refunds = await Refund.query().where('invoice_id', invoice.id).orderBy('created_at')
    const history = await StatusChange.query().where('subject_type', 'Invoice').where('subject_id', invoice.id).orderBy('created_at')
    return ctx.view.render('pages/admin/invoices/show', {
      invoice,
      payments,
      refunds,
      history,
      studio: await StudioSetting.current(),
      canSend: ['draft', 'open'].includes(invoice.status),
      canVoid: canTransition(invoiceStates, invoice.status, 'void') && invoice.amountPaid === 0,
    })
  }
}
