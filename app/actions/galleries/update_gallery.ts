import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import RecordAudit from '#actions/audit/record_audit'
import {
  endOfStudioDay,
  gallerySettingsColumns,
  rethrowAsFieldError,
  type GallerySettingsInput,
} from '#actions/galleries/gallery_input'

export interface UpdateGalleryInput extends GallerySettingsInput {
  removePassword?: boolean
}

/**
 * Saves the settings form. An empty password keeps the current one; the expiry date is
 * edited here only while the gallery is a draft (live ones are extended instead), and
 * an empty selection limit means "no limit".
 */
export default class UpdateGallery {
  static async handle(ctx: HttpContext | null, gallery: Gallery, input: UpdateGalleryInput) {
    gallery.merge({
      ...(await gallerySettingsColumns(input)),
      slug: input.slug ?? gallery.slug,
      selectionLimit: input.selectionLimit ?? null,
    })
    if (input.removePassword && !input.password) gallery.passwordHash = null
    if (gallery.status === 'draft') {
      const expiresAt = input.expiresOn ? await endOfStudioDay(input.expiresOn) : null
      if (expiresAt?.toMillis() !== gallery.expiresAt?.toMillis()) gallery.expiresAt = expiresAt
    }
    const changed = Object.keys(gallery.$dirty).map((key) => (key === 'passwordHash' ? 'password' : key))
    if (changed.length === 0) return gallery

    await gallery.save().catch(rethrowAsFieldError)
    await RecordAudit.handle(ctx, {
      action: 'gallery.updated',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, changed },
    })
    return gallery
  }
}
