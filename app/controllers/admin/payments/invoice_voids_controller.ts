import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import VoidInvoice from '#actions/invoices/void_invoice'
import { findByRouteId } from '#services/http/route_ids'

const REFUSALS = {
  has_payments: 'Money was paid on this invoice: refund the payments instead of voiding it.',
  not_allowed: 'This invoice can no longer be voided.',
} as const

const voidValidator = vine.compile(vine.object({ reason: vine.string().trim().maxLength(500).optional() }))

/** Voids an invoice nothing was paid on. */
export default class InvoiceVoidsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await findByRouteId(Invoice, ctx.params.invoice_id)
    const { reason } = await ctx.request.validateUsing(voidValidator)
    const result = await VoidInvoice.handle(ctx.actor, invoice, reason ?? null)
    if (result.ok) ctx.session.flash('success', `Invoice ${invoice.number} is void.`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.invoices.show', { id: invoice.id })
  }
}
