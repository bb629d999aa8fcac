import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import { dispatch } from '#services/jobs/dispatch'
import type { WatermarkPlacement } from '#services/images/watermark'
import type { Actor } from '#support/actor'

export interface WatermarkInput {
  text?: string
  opacity: number
  size: number
  placement: WatermarkPlacement
  angle: number
  /** A new PNG logo's temp file. */
  logoPath?: string | null
  removeLogo?: boolean
}

export type UpdateWatermarkResult = { ok: true; settings: StudioSetting; galleries: number } | { ok: false; reason: 'logo_not_png' }

/**
 * Saves the studio's watermark and, when it changed, moves its version and queues the
 * re-making of every watermarked gallery's marked files (one job a gallery, see
 * RemakeGalleryWatermarks): their progress is the count of photos at the new version.
 */
export default class UpdateWatermark {
  static async handle(actor: Actor, input: WatermarkInput): Promise<UpdateWatermarkResult> {
    let logoKey: string | undefined
    if (input.logoPath) {
      const bytes = await readFile(input.logoPath)
      const format = await sharp(bytes)
        .metadata()
        .then((meta) => meta.format)
        .catch(() => null)
      if (format !== 'png') return { ok: false, reason: 'logo_not_png' }
      logoKey = `studio/watermark/${randomUUID()}.png`
      await drive.use().put(logoKey, bytes)
    }

    return db.transaction(async (trx) => {
      const settings = await StudioSetting.current({ client: trx })
      settings.useTransaction(trx)
      settings.merge({
        watermarkText: input.text || null,
        watermarkOpacity: input.opacity,
        watermarkSize: input.size,
        watermarkPlacement: input.placement,
        watermarkAngle: input.angle,
      })
      if (logoKey) settings.watermarkLogoKey = logoKey
      else if (input.removeLogo) settings.watermarkLogoKey = null
      const changed = { ...settings.$dirty }
      if (!Object.keys(changed).length) return { ok: true as const, settings, galleries: 0 }
      settings.watermarkVersion = (settings.watermarkVersion ?? 1) + 1
      await settings.save()

      const galleries = await trx.from('galleries').where('watermark_enabled', true).whereNull('deleted_at').select('id')
      for (const gallery of galleries) {
        await dispatch('galleries.remake_watermarks', { galleryId: gallery.id, version: settings.watermarkVersion }, { client: trx })
      }
      await RecordAudit.handle(actor, { action: 'studio.watermark_updated', subject: { type: 'studio_settings', id: settings.id }, details: changed })
      return { ok: true as const, settings, galleries: galleries.length }
    })
  }
}
