import type Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import { dispatch } from '#services/jobs/dispatch'
import RecordAudit from '#actions/audit/record_audit'
import {
  endOfStudioDay,
  gallerySettingsColumns,
  uniqueRefusal,
  type GallerySettingsInput,
  type GallerySettingsRefusal,
} from '#actions/galleries/gallery_input'
import type { Actor } from '#support/actor'

export interface UpdateGalleryInput extends GallerySettingsInput {
  removePassword?: boolean
}

export type UpdateGalleryResult = { ok: true; gallery: Gallery; endedAccess: boolean } | GallerySettingsRefusal

/**
 * Saves the settings form. An empty password keeps the current one; the expiry date is
 * edited here only while the gallery is a draft (live ones are extended instead), and
 * an empty selection limit means "no limit". A new code, a new password or public share
 * turned off ends every visitor's access (the gallery's access version moves on save).
 */
export default class UpdateGallery {
  static async handle(actor: Actor, gallery: Gallery, input: UpdateGalleryInput): Promise<UpdateGalleryResult> {
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
    if (changed.length === 0) return { ok: true, gallery, endedAccess: false }

    const version = gallery.accessVersion
    const watermarkTurnedOn = 'watermarkEnabled' in gallery.$dirty && gallery.watermarkEnabled
    try {
      await gallery.save()
    } catch (error) {
      return uniqueRefusal(error)
    }
    // Its photos may carry a mark older than the studio's (changed while this gallery had none).
    if (watermarkTurnedOn) {
      const { watermarkVersion } = await StudioSetting.current()
      await dispatch('galleries.remake_watermarks', { galleryId: gallery.id, version: watermarkVersion })
    }
    const endedAccess = gallery.accessVersion !== version
    await RecordAudit.handle(actor, {
      action: 'gallery.updated',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, changed, endedAccess },
    })
    return { ok: true, gallery, endedAccess }
  }
}
