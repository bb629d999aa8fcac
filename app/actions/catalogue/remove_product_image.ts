import db from '@adonisjs/lucid/services/db'
import type ProductImage from '#models/product_image'
import MediaAsset from '#models/media_asset'
import RecordAudit from '#actions/audit/record_audit'
import { placeImage } from '#actions/catalogue/update_product_image'
import { deleteMediaFiles } from '#services/media/delete_media_files'
import type { Actor } from '#support/actor'

/**
 * Removes a product image, its media asset and files. The others close up; if it was
 * the primary one, the first remaining image becomes primary.
 */
export default class RemoveProductImage {
  static async handle(actor: Actor, image: ProductImage) {
    const asset = await MediaAsset.find(image.mediaAssetId)
    await db.transaction(async (trx) => {
      await trx.from('product_images').where('id', image.id).delete()
      if (asset) await trx.from('media_assets').where('id', asset.id).delete()
      await placeImage(image, null, trx)
      if (image.isPrimary) {
        const first = await trx.from('product_images').where('product_id', image.productId).orderBy('position').select('id').first()
        if (first) await trx.from('product_images').where('id', first.id).update({ is_primary: true })
      }
    })
    if (asset) await deleteMediaFiles(asset)
    await RecordAudit.handle(actor, { action: 'product_image.removed', subject: { type: 'product', id: image.productId }, details: { imageId: image.id } })
  }
}
