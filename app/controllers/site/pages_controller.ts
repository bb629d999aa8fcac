import type { HttpContext } from '@adonisjs/core/http'
import Page from '#models/page'
import { trackVisit } from '#controllers/site/track_visit'
import { renderMarkdown, plainSummary } from '#services/site/markdown'
import { PUBLIC_MAX_AGE, sendCachedPage } from '#support/http/public_cache'
import { absoluteUrl } from '#services/site/structured_data'

/** A published content page (About, FAQ…), written in Markdown in the admin. */
export default class PagesController {
  async show(ctx: HttpContext) {
    const page = await Page.query().where('slug', String(ctx.params.slug)).where('status', 'published').firstOrFail()
    const html = await ctx.view.render('pages/site/pages/show', {
      page,
      body: renderMarkdown(page.body),
      meta: {
        description: page.seoDescription ?? plainSummary(page.body),
        canonical: absoluteUrl('pages.show', { slug: page.slug }),
      },
    })
    trackVisit(ctx, 'page_view', { type: 'Page', id: page.id })
    return sendCachedPage(ctx, html, PUBLIC_MAX_AGE.page)
  }
}
