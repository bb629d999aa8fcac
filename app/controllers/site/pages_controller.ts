import type { HttpContext } from '@adonisjs/core/http'
import Page from '#models/page'
import { renderMarkdown, plainSummary } from '#services/site/markdown'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl } from '#services/site/structured_data'

/** A published content page (About, FAQ…), written in Markdown in the admin. */
export default class PagesController {
  async show(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.page, async () => {
      const page = await Page.query().where('slug', String(ctx.params.slug)).where('status', 'published').firstOrFail()
      const html = await ctx.view.render('pages/site/pages/show', {
        page,
        body: renderMarkdown(page.body),
        meta: {
          description: page.seoDescription ?? plainSummary(page.body),
          canonical: absoluteUrl('pages.show', { slug: page.slug }),
        },
      })
      return { html, visit: { name: 'page_view', subject: { type: 'Page', id: page.id } } }
    })
  }
}
