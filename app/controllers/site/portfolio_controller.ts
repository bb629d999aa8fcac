import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import { portfolioCards } from '#actions/site/portfolio_cards'
import Category from '#models/category'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl } from '#services/site/structured_data'

/**
 * The portfolio: every published artwork, or one category's (`?category=slug`). The slug
 * is only ever compared with the loaded categories: an unknown one is a 404.
 */
export default class PortfolioController {
  async index(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.portfolio, async () => {
      const slug = ctx.request.qs().category
      const all = await Category.query().withScopes((s) => s.portfolio())
      const current = slug ? all.find((c) => c.slug === slug) : undefined
      if (slug && !current) throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
      // A category shows its subcategories' artworks too; the filter bar offers its children
      // (or, on a subcategory, its siblings) under the top-level categories.
      const top = current?.parentId ? all.find((c) => c.id === current.parentId) : current
      const artworks = await portfolioCards(current ? [current.id, ...descendantsOf(current.id, all)] : undefined)
      const categories = all.filter((c) => !c.parentId)
      const subcategories = top ? all.filter((c) => c.parentId === top.id) : []
      const meta = {
        description: current?.description ?? 'Rock-and-roll portraits from Loupe Studio: prints of every photograph.',
        canonical: absoluteUrl('portfolio.index', {}, current ? { category: current.slug } : undefined),
      }
      const html = await ctx.view.render('pages/site/portfolio/index', { categories, subcategories, top, current, artworks, meta })
      return { html, visit: { name: 'page_view' } }
    })
  }
}

/** Every category under `id`, however deep. */
function descendantsOf(id: string, all: Category[]): string[] {
  const children = all.filter((c) => c.parentId === id).map((c) => c.id)
  return children.flatMap((child) => [child, ...descendantsOf(child, all)])
}
