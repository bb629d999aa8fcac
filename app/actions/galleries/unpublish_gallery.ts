import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export type UnpublishGalleryResult = { ok: true; gallery: Gallery } | { ok: false; reason: 'not_published' }

/** Back to draft: the family and visitors see "not available" until it is published again. */
export default class UnpublishGallery {
  static async handle(actor: Actor, gallery: Gallery): Promise<UnpublishGalleryResult> {
    if (!(await gallery.unpublish({ actor }))) return { ok: false, reason: 'not_published' }
    await RecordAudit.handle(actor, {
      action: 'gallery.unpublished',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name },
    })
    return { ok: true, gallery }
  }
}
