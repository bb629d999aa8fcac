import type { HttpContext } from '@adonisjs/core/http'
import CataloguePolicy from '#policies/catalogue_policy'
import { pagePreviewValidator } from '#validators/page'
import { renderMarkdown } from '#services/site/markdown'

/** The editor's live preview (htmx): the body through the site's own Markdown path, raw HTML dropped. Writes nothing. */
export default class PagePreviewsController {
  async store({ bouncer, request, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const { body } = await request.validateUsing(pagePreviewValidator)
    return view.render('pages/admin/pages/_preview', { preview: renderMarkdown(body ?? '') })
  }
}
