import type { HttpContext } from '@adonisjs/core/http'
import Child from '#models/child'
import ChildPolicy from '#policies/child_policy'
import { childValidator } from '#validators/child'
import CreateChild from '#actions/children/create_child'
import UpdateChild from '#actions/children/update_child'
import ArchiveChild from '#actions/children/archive_child'
import { withTrashed } from '#models/concerns/soft_deletes'
import { isUuid, notFound } from '#services/http/route_ids'

/** The family's children: add, edit, archive (kept on past sessions), list with the archived ones apart. */
export default class ChildrenController {
  async index({ auth, view }: HttpContext) {
    const family = auth.user!
    const children = await withTrashed(Child.query().where('parent_id', family.id)).orderBy('birth_date', 'asc').orderBy('first_name')
    return view.render('pages/portal/children/index', {
      children: children.filter((child) => !child.isTrashed),
      archived: children.filter((child) => child.isTrashed),
    })
  }

  async create({ view }: HttpContext) {
    return view.render('pages/portal/children/create')
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(childValidator)
    const child = await CreateChild.handle(ctx.auth.user!.id, input)
    ctx.session.flash('success', `${child.firstName} is added to your family.`)
    return ctx.response.redirect().status(303).toRoute('portal.children.index')
  }

  async edit(ctx: HttpContext) {
    const child = await ownChild(ctx)
    return ctx.view.render('pages/portal/children/edit', { child })
  }

  async update(ctx: HttpContext) {
    const child = await ownChild(ctx)
    await UpdateChild.handle(child, await ctx.request.validateUsing(childValidator))
    ctx.session.flash('success', `${child.firstName}'s profile is saved.`)
    return ctx.response.redirect().status(303).toRoute('portal.children.index')
  }

  /** Archives (never deletes: past sessions and galleries keep the child). */
  async destroy(ctx: HttpContext) {
    const child = await ownChild(ctx)
    await ArchiveChild.handle(child)
    ctx.session.flash('success', `${child.firstName} is archived. Restore them anytime from the archived list.`)
    return ctx.response.redirect().status(303).toRoute('portal.children.index')
  }
}

/** One of the signed-in family's children (archived ones too); anyone else's is a 404. */
export async function ownChild(ctx: HttpContext, id: unknown = ctx.params.id) {
  if (!isUuid(id)) notFound(Child)
  const child = await withTrashed(Child.query().where('id', id).where('parent_id', ctx.auth.user!.id)).first()
  if (!child) notFound(Child)
  await ctx.bouncer.with(ChildPolicy).authorize('edit', child)
  return child
}
