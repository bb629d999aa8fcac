import type { HttpContext } from '@adonisjs/core/http'
import Package from '#models/package'
import PackagePolicy from '#policies/package_policy'
import { packageValidator } from '#validators/package'
import SavePackage from '#actions/packages/save_package'
import { findByRouteId } from '#services/http/route_ids'

/** Session packages: every column, ordered as the public page lists them. */
export default class PackagesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(PackagePolicy).authorize('manage')
    const packages = await Package.query().withCount('photoSessions').orderBy('active', 'desc').orderBy('sort_order').orderBy('name')
    return view.render('pages/admin/packages/index', { packages })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(PackagePolicy).authorize('manage')
    return view.render('pages/admin/packages/create')
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PackagePolicy).authorize('manage')
    const pkg = await SavePackage.handle(ctx.actor, await ctx.request.validateUsing(packageValidator, { meta: {} }))
    ctx.session.flash('success', `“${pkg.name}” is saved${pkg.active ? ' and bookable' : ' (not bookable until active)'}.`)
    return ctx.response.redirect().status(303).toRoute('admin.packages.index')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(PackagePolicy).authorize('manage')
    return view.render('pages/admin/packages/edit', { pkg: await findByRouteId(Package, params.id) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(PackagePolicy).authorize('manage')
    const pkg = await findByRouteId(Package, ctx.params.id)
    await SavePackage.handle(ctx.actor, await ctx.request.validateUsing(packageValidator, { meta: { id: pkg.id } }), pkg)
    ctx.session.flash('success', `“${pkg.name}” is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.packages.index')
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(PackagePolicy).authorize('manage')
    const pkg = await findByRouteId(Package, ctx.params.id)
    const result = await SavePackage.destroy(ctx.actor, pkg)
    if (result.ok) ctx.session.flash('success', `“${pkg.name}” is deleted.`)
    else ctx.session.flash('error', `“${pkg.name}” has sessions: untick “Bookable” to retire it instead.`)
    return ctx.response.redirect().status(303).toRoute('admin.packages.index')
  }
}
