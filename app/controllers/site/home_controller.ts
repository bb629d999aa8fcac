import type { HttpContext } from '@adonisjs/core/http'
import Artwork from '#models/artwork'
import Package from '#models/package'
import Page from '#models/page'
import StudioSetting from '#models/studio_setting'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl } from '#services/site/structured_data'

/** The front page: featured artworks, the session packages and the latest page. */
export default class HomeController {
  async show(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.home, async () => {
      const [featured, packages, latest, studio] = await Promise.all([
        Artwork.query().withScopes((s) => s.featured()).orderBy('sort_order').orderBy('title').preload('mediaAsset').limit(6),
        Package.query().withScopes((s) => s.active()).limit(3),
        Page.query().withScopes((s) => s.published()).orderBy('updated_at', 'desc').first(),
        StudioSetting.current(),
      ])
      const html = await ctx.view.render('pages/site/home', {
        featured,
        packages,
        latest,
        studio,
        meta: { description: 'Loupe Studio: rock-and-roll portraits for kids, private galleries and fine-art prints.', canonical: absoluteUrl('home') },
      })
      return { html, visit: { name: 'page_view' } }
    })
  }
}
