import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import sharp from 'sharp'
import { errors } from '@adonisjs/core'
import OrderItem from '#models/order_item'
import { SignedUrlException } from '#exceptions/signed_url_exception'
import { printCrop } from '#shop/print_crop'

/**
 * The print file a lab downloads: the full-resolution original, centre-cropped to the
 * print's aspect ratio, never watermarked. Only through the signed, day-long URL that
 * fulfillment:sync hands the lab.
 */
export default class PrintFilesController {
  async show({ params, request, response }: HttpContext) {
    if (!request.hasValidSignature('print_file')) throw new SignedUrlException()
    const item = await OrderItem.query()
      .where('id', params.item_id)
      .preload('productVariant')
      .preload('artwork', (q) => q.preload('mediaAsset'))
      .preload('photo', (q) => q.preload('mediaAsset'))
      .first()
    const asset = item?.artwork?.mediaAsset ?? item?.photo?.mediaAsset
    if (!item || !asset) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    const original = await drive.use().getBytes(asset.key)
    const image = sharp(original).rotate()
    // metadata() gives the stored size even after rotate(); the crop is cut from the upright picture.
    const { width, height } = (await image.metadata()).autoOrient
    const crop = printCrop(width, height, item.productVariant.size)
    const file = await (crop ? image.extract(crop) : image).jpeg({ quality: 95 }).toBuffer()
    response.header('Content-Type', 'image/jpeg')
    response.header('Cache-Control', 'private, no-store')
    response.header('Content-Disposition', `attachment; filename="${item.id}.jpg"`)
    return file
  }
}
