import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/**
 * Moves a gallery to the trash: families and visitors see "not available", and every
 * visitor's pass ends (restoring it would not reopen them); photos stay stored.
 */
export default class DeleteGallery {
  static async handle(actor: Actor, gallery: Gallery) {
    if (gallery.isTrashed) return gallery
    await gallery.softDelete()
    await RecordAudit.handle(actor, {
      action: 'gallery.deleted',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, slug: gallery.slug, status: gallery.status },
    })
    return gallery
  }
}
