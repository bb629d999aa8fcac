import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import router from '@adonisjs/core/services/router'
import Artwork from '#models/artwork'
import { printChoicesOf } from '#actions/shop/print_choices'
import StudioSetting from '#models/studio_setting'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl, artworkJsonLd } from '#services/site/structured_data'

/** One published artwork: the large image, its story and its print options. */
export default class ArtworksController {
  async show(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.artwork, async () => {
      const artwork = await Artwork.query()
        .where('slug', String(ctx.params.slug))
        .where('status', 'published')
        .preload('category')
        .preload('mediaAsset')
        .preload('photographer', (q) => q.preload('photographerProfile'))
        .first()
      if (!artwork) return gone(ctx)
      const [printOptions, studio] = await Promise.all([printChoicesOf(artwork.id), StudioSetting.current()])
      const meta = {
        description: artwork.description ?? `${artwork.title}, a photograph by Loupe Studio.`,
        canonical: absoluteUrl('artworks.show', { slug: artwork.slug }),
        image: artwork.mediaAssetId ? absoluteUrl('artwork_images.show', { id: artwork.mediaAssetId, variant: 'preview' }) : null,
        type: 'article',
        jsonLd: artworkJsonLd(artwork, printOptions, studio.currency),
      }
      const html = await ctx.view.render('pages/site/artworks/show', { artwork, printOptions, studio, meta })
      return { html, visit: { name: 'artwork_view', subject: { type: 'Artwork', id: artwork.id } } }
    })
  }
}

/**
 * An archived artwork's address answers 410 Gone, so search engines drop it and a visitor
 * following an old link is sent on to the portfolio; anything else is a plain 404.
 */
async function gone(ctx: HttpContext) {
  const archived = await Artwork.query().where('slug', String(ctx.params.slug)).where('status', 'archived').select('id').first()
  if (!archived) throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
  const html = await ctx.view.render('pages/errors/status', {
    status: 410,
    message: 'This photograph has been retired from the portfolio and its prints are no longer sold.',
    area: 'site',
    backUrl: router.makeUrl('portfolio.index'),
    backLabel: 'See the portfolio',
  })
  ctx.response.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE.artwork}`)
  return ctx.response.status(410).type('html').send(html)
}
