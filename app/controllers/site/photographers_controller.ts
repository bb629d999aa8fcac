import type { HttpContext } from '@adonisjs/core/http'
import PhotographerProfile from '#models/photographer_profile'
import { portfolioCards } from '#actions/site/portfolio_cards'
import { renderMarkdown, plainSummary } from '#services/site/markdown'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl } from '#services/site/structured_data'

/** A photographer's page: their bio and their published artworks (cached like the portfolio). */
export default class PhotographersController {
  async show(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.portfolio, async () => {
      const profile = await PhotographerProfile.query().where('slug', String(ctx.params.slug)).firstOrFail()
      const artworks = await portfolioCards(undefined, profile.userId)
      const html = await ctx.view.render('pages/site/photographers/show', {
        profile,
        bio: renderMarkdown(profile.bio ?? ''),
        artworks,
        meta: {
          description: profile.bio ? plainSummary(profile.bio) : `${profile.displayName}, photographer at Loupe Studio.`,
          canonical: absoluteUrl('photographers.show', { slug: profile.slug }),
        },
      })
      return { html, visit: { name: 'page_view' } }
    })
  }
}
