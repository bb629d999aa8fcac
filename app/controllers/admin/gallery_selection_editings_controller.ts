import type { HttpContext } from '@adonisjs/core/http'
import StartSelectionEditing from '#actions/galleries/start_selection_editing'
import { managedGallery } from '#controllers/admin/managed_gallery'

/** "Start editing" the family's submitted selection: the family can no longer reopen it. */
export default class GallerySelectionEditingsController {
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const result = await StartSelectionEditing.handle(ctx.actor, gallery)
    ctx.session.flash(result.ok ? 'success' : 'error', result.ok ? 'Editing started: the family can no longer reopen the selection.' : 'There is no submitted selection to edit.')
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
}
