import type { HttpContext } from '@adonisjs/core/http'
import DiscountCode from '#models/discount_code'
import CataloguePolicy from '#policies/catalogue_policy'
import SaveDiscountCode from '#actions/catalogue/save_discount_code'
import { discountCodeValidator } from '#validators/discount_code'
import { findByRouteId } from '#services/http/route_ids'
import { flashFieldError } from '#controllers/site/flash_field_error'

/** Discount codes the checkout honours: kind, target, dates, minimum order, limits. */
export default class DiscountCodesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/discount_codes/index', { codes: await DiscountCode.query().orderBy('code') })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/discount_codes/form', {})
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    return this.answer(ctx, await SaveDiscountCode.handle(ctx.actor, await ctx.request.validateUsing(discountCodeValidator, { meta: {} })))
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/discount_codes/form', { discount: await findByRouteId(DiscountCode, params.id) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const code = await findByRouteId(DiscountCode, ctx.params.id)
    return this.answer(ctx, await SaveDiscountCode.handle(ctx.actor, await ctx.request.validateUsing(discountCodeValidator, { meta: { id: code.id } }), code))
  }

  private answer(ctx: HttpContext, result: Awaited<ReturnType<typeof SaveDiscountCode.handle>>) {
    if (!result.ok) {
      if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.unprocessableEntity({ errors: [{ field: 'amount', message: result.message }] })
      flashFieldError(ctx, 'amount', result.message)
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', `${result.code.code} is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.discount_codes.index')
  }
}
