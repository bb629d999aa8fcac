import type { HttpContext } from '@adonisjs/core/http'
import Product, { PRODUCT_CATEGORIES } from '#models/product'
import CataloguePolicy from '#policies/catalogue_policy'
import SaveProduct from '#actions/catalogue/save_product'
import { dropBlankVariants, productValidator } from '#validators/product'
import { findByRouteId } from '#services/http/route_ids'
import { flashFieldError } from '#controllers/site/flash_field_error'
import { productImagesView } from '#controllers/admin/catalogue/product_images_controller'

/** Shop products and their variants (edited inline); archived, never deleted. */
export default class ProductsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const search = String(request.input('q', '')).trim()
    const kind = PRODUCT_CATEGORIES.find((c) => c === request.input('kind'))
    const query = Product.query().withCount('variants').orderBy('name')
    if (search) query.where((q) => q.whereILike('name', `%${search}%`).orWhereILike('slug', `%${search}%`))
    if (kind) query.where('category', kind)
    return view.render('pages/admin/products/index', { products: await query, search, kind: kind ?? '', kinds: PRODUCT_CATEGORIES })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/products/form', { kinds: PRODUCT_CATEGORIES, variants: [] })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    return this.answer(ctx, await SaveProduct.handle(ctx.actor, await this.validate(ctx, {})))
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const product = await findByRouteId(Product, params.id)
    const variants = await product.related('variants').query().orderBy('active', 'desc').orderBy('sort_order')
    return view.render('pages/admin/products/form', { variants, kinds: PRODUCT_CATEGORIES, ...(await productImagesView(product)) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const product = await findByRouteId(Product, ctx.params.id)
    return this.answer(ctx, await SaveProduct.handle(ctx.actor, await this.validate(ctx, { id: product.id }), product))
  }

  private validate(ctx: HttpContext, meta: { id?: string }) {
    ctx.request.updateBody(dropBlankVariants(ctx.request.body()))
    return ctx.request.validateUsing(productValidator, { meta })
  }

  private answer(ctx: HttpContext, result: Awaited<ReturnType<typeof SaveProduct.handle>>) {
    if (!result.ok) {
      if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.unprocessableEntity({ errors: [{ field: result.field, message: result.message }] })
      flashFieldError(ctx, result.field, result.message)
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', `${result.product.name} is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.products.edit', { id: result.product.id })
  }
}
