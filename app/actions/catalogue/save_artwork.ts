import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import Artwork from '#models/artwork'
import RecordAudit from '#actions/audit/record_audit'
import { acceptImageUpload, type RejectedImage } from '#services/images/accept_image_upload'
import { dispatch } from '#services/jobs/dispatch'
import { freeSlug } from '#support/slugs'
import type { ArtworkInput } from '#validators/artwork'
import type { Actor } from '#support/actor'

export type SaveArtworkResult = { ok: true; artwork: Artwork } | RejectedImage

/**
 * Creates or updates an artwork. A new picture goes through the gallery pipeline (judged
 * by its bytes, stored, then `media.process` makes the public thumb and preview); a
 * rejected one writes nothing. Publishing and unpublishing are state changes with their
 * history row, in the same transaction as the fields.
 */
export default class SaveArtwork {
  static async handle(actor: Actor, input: ArtworkInput, artwork: Artwork = new Artwork()): Promise<SaveArtworkResult> {
    const upload = input.image ? await acceptImageUpload(input.image as MultipartFile) : null
    if (upload && !upload.ok) return upload
    const creating = !artwork.$isPersisted
    try {
      await db.transaction(async (trx) => {
        artwork.useTransaction(trx)
        artwork.merge({
          title: input.title,
          slug: input.slug || (creating ? await freeSlug('artworks', input.title, trx) : artwork.slug),
          description: input.description || null,
          categoryId: input.categoryId || null,
          photographerId: input.photographerId || null,
          camera: input.camera || null,
          filmStock: input.filmStock || null,
          location: input.location || null,
          capturedOn: input.capturedOn ? DateTime.fromJSDate(input.capturedOn) : null,
          featured: !!input.featured,
          sortOrder: input.sortOrder,
        })
        if (creating) artwork.status = 'draft'
        if (upload) {
          const asset = await upload.createAsset(trx)
          artwork.mediaAssetId = asset.id
          await dispatch('media.process', { mediaAssetId: asset.id }, { client: trx })
        }
        await artwork.save()
        // An archived artwork's fields can be corrected; only Restore brings it back.
        if (input.status === 'published' && artwork.status === 'draft') await artwork.publish({ actor, client: trx })
        if (input.status === 'draft' && artwork.status === 'published') await artwork.unpublish({ actor, client: trx })
      })
    } catch (error) {
      if (upload) await upload.discard()
      throw error
    }
    await RecordAudit.handle(actor, {
      action: creating ? 'artwork.created' : 'artwork.updated',
      subject: { type: 'artwork', id: artwork.id },
      details: { title: artwork.title, status: artwork.status, newImage: !!upload },
    })
    return { ok: true, artwork }
  }
}
