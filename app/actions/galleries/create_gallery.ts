import { uniqueAccessCode } from '#support/access_codes'
import Gallery from '#models/gallery'
import PhotoSession from '#models/photo_session'
import RecordAudit from '#actions/audit/record_audit'
import { uniqueSlug } from '#support/slugs'
import {
  endOfStudioDay,
  gallerySettingsColumns,
  uniqueRefusal,
  type GallerySettingsInput,
  type GallerySettingsRefusal,
} from '#actions/galleries/gallery_input'
import type { Actor } from '#support/actor'

export interface CreateGalleryInput extends GallerySettingsInput {
  photoSessionId?: string
}

export type CreateGalleryResult = { ok: true; gallery: Gallery } | GallerySettingsRefusal

/**
 * A draft gallery, for a photo session or standalone. For a session, the selection
 * limit defaults to the package's included photos; the expiry date, when left empty,
 * is set from the studio settings on publishing.
 */
export default class CreateGallery {
  static async handle(actor: Actor, input: CreateGalleryInput): Promise<CreateGalleryResult> {
    const session = input.photoSessionId
      ? await PhotoSession.query().where('id', input.photoSessionId).preload('package').firstOrFail()
      : null
    const gallery = new Gallery().merge({
      ...(await gallerySettingsColumns(input)),
      accessCode: input.accessCode || (await uniqueAccessCode()),
      photoSessionId: session?.id ?? null,
      slug: input.slug ?? (await uniqueSlug(input.name)),
      status: 'draft',
      selectionLimit: input.selectionLimit ?? session?.package.includedPhotos ?? null,
      expiresAt: input.expiresOn ? await endOfStudioDay(input.expiresOn) : null,
    })
    try {
      await gallery.save()
    } catch (error) {
      return uniqueRefusal(error)
    }
    await RecordAudit.handle(actor, {
      action: 'gallery.created',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, slug: gallery.slug, photoSessionId: gallery.photoSessionId },
    })
    return { ok: true, gallery }
  }
}
