import type { HttpContext } from '@adonisjs/core/http'
import Page from '#models/page'
import CataloguePolicy from '#policies/catalogue_policy'
import SavePage from '#actions/catalogue/save_page'
import { pageValidator } from '#validators/page'
import { findByRouteId } from '#services/http/route_ids'
import { renderMarkdown } from '#services/site/markdown'

/** Content pages (About, FAQ…): Markdown with a live preview, draft or published. */
export default class PagesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/pages/index', { pages: await Page.query().orderBy('title') })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/pages/create', { preview: '' })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const page = await SavePage.handle(ctx.actor, await ctx.request.validateUsing(pageValidator, { meta: {} }))
    ctx.session.flash('success', `“${page.title}” is saved${page.status === 'published' ? ' and published' : ' as a draft'}.`)
    return ctx.response.redirect().status(303).toRoute('admin.pages.edit', { id: page.id })
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const page = await findByRouteId(Page, params.id)
    return view.render('pages/admin/pages/edit', { page, preview: renderMarkdown(page.body) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const page = await findByRouteId(Page, ctx.params.id)
    await SavePage.handle(ctx.actor, await ctx.request.validateUsing(pageValidator, { meta: { id: page.id } }), page)
    ctx.session.flash('success', `“${page.title}” is saved${page.status === 'published' ? ' and published' : ' as a draft'}.`)
    return ctx.response.redirect().status(303).toRoute('admin.pages.edit', { id: page.id })
  }
}
