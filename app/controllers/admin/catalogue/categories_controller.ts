import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CataloguePolicy from '#policies/catalogue_policy'
import SaveCategory from '#actions/catalogue/save_category'
import { categoryValidator } from '#validators/category'
import { findByRouteId } from '#services/http/route_ids'
import { flashFieldError } from '#controllers/site/flash_field_error'
import { categoryOptions } from '#controllers/admin/catalogue/catalogue_choices'

/** Portfolio and shop categories, nested through their parent. */
export default class CategoriesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const categories = await Category.query().withCount('artworks').withCount('products').orderBy('sort_order').orderBy('name')
    // Depth-first, children under their parent, per kind.
    const rows: { category: Category; depth: number }[] = []
    const add = (parentId: string | null, depth: number) => {
      for (const category of categories.filter((c) => c.parentId === parentId)) {
        rows.push({ category, depth })
        if (depth < 10) add(category.id, depth + 1)
      }
    }
    add(null, 0)
    return view.render('pages/admin/categories/index', { portfolio: rows.filter((r) => r.category.kind === 'portfolio'), shop: rows.filter((r) => r.category.kind === 'product') })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/categories/create', { parents: await allParents() })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const result = await SaveCategory.handle(ctx.actor, await ctx.request.validateUsing(categoryValidator, { meta: {} }))
    return this.answer(ctx, result)
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const category = await findByRouteId(Category, params.id)
    const parents = (await allParents()).filter((option) => option.value !== category.id)
    return view.render('pages/admin/categories/edit', { category, parents })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const category = await findByRouteId(Category, ctx.params.id)
    const result = await SaveCategory.handle(ctx.actor, await ctx.request.validateUsing(categoryValidator, { meta: { id: category.id } }), category)
    return this.answer(ctx, result)
  }

  /** Artworks and products of a deleted category keep existing, without one (the foreign keys set null). */
  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const category = await findByRouteId(Category, ctx.params.id)
    await category.delete()
    ctx.session.flash('success', `“${category.name}” is deleted.`)
    return ctx.response.redirect().status(303).toRoute('admin.categories.index')
  }

  private answer(ctx: HttpContext, result: Awaited<ReturnType<typeof SaveCategory.handle>>) {
    if (!result.ok) {
      if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.unprocessableEntity({ errors: [{ field: 'parentId', message: result.message }] })
      flashFieldError(ctx, 'parentId', result.message)
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', `“${result.category.name}” is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.categories.index')
  }
}

async function allParents() {
  const [portfolio, product] = await Promise.all([categoryOptions('portfolio'), categoryOptions('product')])
  return [...portfolio.map((o) => ({ ...o, label: `Portfolio: ${o.label}` })), ...product.map((o) => ({ ...o, label: `Shop: ${o.label}` }))]
}
