import drive from '@adonisjs/drive/services/main'
import type StudioSetting from '#models/studio_setting'
import type { WatermarkSpec } from '#services/images/watermark'

/** The mark studio settings describe: its text (or the studio's name), or its PNG logo, and the look. */
export async function studioWatermark(settings: StudioSetting): Promise<WatermarkSpec> {
  let logo: Buffer | null = null
  if (settings.watermarkLogoKey) {
    const bytes = await drive.use().getBytes(settings.watermarkLogoKey)
    logo = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  return {
    text: settings.watermarkText?.trim() || settings.name,
    logo,
    opacity: (settings.watermarkOpacity ?? 35) / 100,
    size: settings.watermarkSize ?? 8,
    placement: settings.watermarkPlacement ?? 'tiled',
    angle: settings.watermarkAngle ?? 30,
  }
}
