import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import { acceptImageUpload, type RejectedImage } from '#services/images/accept_image_upload'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

export interface BrandingInput {
  brandColor?: string | null
  headerColor?: string | null
  /** A new logo, judged by its bytes like any gallery upload. */
  logo?: MultipartFile | null
  removeLogo?: boolean
}

export type UpdateBrandingResult = { ok: true; settings: StudioSetting } | RejectedImage

/**
 * Saves the look of the studio's gallery pages. A new logo is stored as a media asset and
 * served by its own public route (`studio_logos.show`), which `logo_url` then names.
 */
export default class UpdateBranding {
  static async handle(actor: Actor, input: BrandingInput): Promise<UpdateBrandingResult> {
    const upload = input.logo ? await acceptImageUpload(input.logo) : null
    if (upload && !upload.ok) return upload
    try {
      const { settings, changed } = await db.transaction(async (trx) => {
        const row = await StudioSetting.current({ client: trx })
        row.useTransaction(trx)
        row.merge({ brandColor: input.brandColor?.toLowerCase() || null, headerColor: input.headerColor?.toLowerCase() || null })
        if (upload) {
          const asset = await upload.createAsset(trx)
          await dispatch('media.process', { mediaAssetId: asset.id }, { client: trx })
          row.merge({ logoMediaAssetId: asset.id, logoUrl: router.makeUrl('studio_logos.show', { id: asset.id }) })
        } else if (input.removeLogo) {
          row.merge({ logoMediaAssetId: null, logoUrl: null })
        }
        const dirty = { ...row.$dirty }
        if (Object.keys(dirty).length) await row.save()
        return { settings: row, changed: dirty }
      })
      if (Object.keys(changed).length) {
        await RecordAudit.handle(actor, { action: 'studio.branding_updated', subject: { type: 'studio_settings', id: settings.id }, details: changed })
      }
      return { ok: true, settings }
    } catch (error) {
      if (upload) await upload.discard()
      throw error
    }
  }
}
