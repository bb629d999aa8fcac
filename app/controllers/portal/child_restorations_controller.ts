import type { HttpContext } from '@adonisjs/core/http'
import ArchiveChild from '#actions/children/archive_child'
import { ownChild } from '#controllers/portal/children_controller'

/** Brings an archived child back to the family's lists. */
export default class ChildRestorationsController {
  async store(ctx: HttpContext) {
    const child = await ownChild(ctx, ctx.params.child_id)
    await ArchiveChild.restore(child)
    ctx.session.flash('success', `${child.firstName} is back in your family.`)
    return ctx.response.redirect().status(303).toRoute('portal.children.index')
  }
}
