import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'

/** Moves a gallery to the trash: families and visitors see "not available"; photos stay stored. */
export default class DeleteGallery {
  static async handle(ctx: HttpContext | null, gallery: Gallery) {
    if (gallery.isTrashed) return gallery
    await gallery.softDelete()
    await RecordAudit.handle(ctx, {
      action: 'gallery.deleted',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, slug: gallery.slug, status: gallery.status },
    })
    return gallery
  }
}
