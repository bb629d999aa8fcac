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
      const categories = await Category.query().withScopes((s) => s.portfolio()).whereNull('parent_id')
      const current = slug ? categories.find((c) => c.slug === slug) : undefined
      if (slug && !current) throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
      const artworks = await portfolioCards(current?.id)
      const meta = {
        description: current?.description ?? 'Rock-and-roll portraits from Loupe Studio: prints of every photograph.',
        canonical: absoluteUrl('portfolio.index', {}, current ? { category: current.slug } : undefined),
      }
      const html = await ctx.view.render('pages/site/portfolio/index', { categories, current, artworks, meta })
      return { html, visit: { name: 'page_view' } }
    })
  }
}
