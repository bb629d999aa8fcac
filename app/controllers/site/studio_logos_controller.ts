import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@adonisjs/core'
import MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'

/**
 * The studio's logo as uploaded (small, shown on every gallery page before processing could
 * finish): public and immutable, since a new logo is a new media asset and so a new URL.
 * Only the current logo answers.
 */
export default class StudioLogosController {
  async show({ params, request, response }: HttpContext) {
    const notFound = () => new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    const settings = await StudioSetting.current()
    if (!settings.logoMediaAssetId || settings.logoMediaAssetId !== params.id) throw notFound()
    const asset = await MediaAsset.find(params.id)
    const disk = drive.use()
    if (!asset || !(await disk.exists(asset.key))) throw notFound()
    response.header('Content-Type', asset.mimeType)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.stream(await disk.getStream(asset.key))
  }
}
