import type { HttpContext } from '@adonisjs/core/http'
import ReopenSelection from '#actions/galleries/reopen_selection'
import { managedGallery } from '#controllers/admin/managed_gallery'

/** "Unlock" the family's submitted selection, even after editing started: they can change it and send it again. */
export default class GallerySelectionLocksController {
  async destroy(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const result = await ReopenSelection.handle(ctx.actor, gallery, 'studio')
    ctx.session.flash(result.ok ? 'success' : 'error', result.ok ? 'The selection is unlocked: the family can change it and send it again.' : 'There is no submitted selection to unlock.')
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
}
