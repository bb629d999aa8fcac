import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'

export type UnpublishGalleryResult = { ok: true; gallery: Gallery } | { ok: false; reason: 'not_published' }

/** Back to draft: the family and visitors see "not available" until it is published again. */
export default class UnpublishGallery {
  static async handle(ctx: HttpContext | null, gallery: Gallery): Promise<UnpublishGalleryResult> {
    if (gallery.status !== 'published') return { ok: false, reason: 'not_published' }
    await gallery.unpublish()
    await RecordAudit.handle(ctx, {
      action: 'gallery.unpublished',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name },
    })
    return { ok: true, gallery }
  }
}
