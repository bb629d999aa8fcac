import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import StatusChange from '#models/status_change'
import StudioSetting from '#models/studio_setting'
import InvoicePolicy from '#policies/invoice_policy'
import { isUuid, notFound } from '#services/http/route_ids'

/** The family's own invoice, loaded through its owner, then checked by the policy. */
export async function familyInvoice(ctx: HttpContext, id: unknown) {
  const invoice = isUuid(id) ? await ctx.auth.user!.related('invoices').query().where('id', id).first() : null
  if (!invoice || (await ctx.bouncer.with(InvoicePolicy).denies('view', invoice))) notFound(Invoice)
  return invoice
}

/** The family's invoices (drafts are the studio's until sent): the list and one invoice. */
export default class InvoicesController {
  async index({ auth, view }: HttpContext) {
    const invoices = await auth.user!.related('invoices').query().whereNot('status', 'draft').orderBy('created_at', 'desc').limit(200)
    return view.render('pages/portal/invoices/index', { invoices })
  }

  async show(ctx: HttpContext) {
    const invoice = await familyInvoice(ctx, ctx.params.id)
    await invoice.load('items')
    const history = await StatusChange.query().where('subject_type', 'Invoice').where('subject_id', invoice.id).orderBy('created_at')
    return ctx.view.render('pages/portal/invoices/show', { invoice, studio: await StudioSetting.current(), history })
  }
}
