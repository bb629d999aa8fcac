import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type Product from '#models/product'
import ProductImage from '#models/product_image'
import RecordAudit from '#actions/audit/record_audit'
import { acceptImageUpload, type RejectedImage } from '#services/images/accept_image_upload'
import { dispatch } from '#services/jobs/dispatch'
import type { Actor } from '#support/actor'

export type AddProductImageResult = { ok: true; image: ProductImage } | RejectedImage

/**
 * One uploaded picture of a product, through the same pipeline as artworks and gallery
 * photos: judged by its bytes (a refused file writes nothing), stored, then `media.process`
 * makes the thumb and preview. It goes last; the product's first image is its primary one.
 */
export default class AddProductImage {
  static async handle(actor: Actor, product: Product, file: MultipartFile): Promise<AddProductImageResult> {
    const upload = await acceptImageUpload(file)
    if (!upload.ok) return upload
    let image: ProductImage
    try {
      image = await db.transaction(async (trx) => {
        // Serialises uploads to one product (PostgreSQL): each takes the next position.
        await trx.from('products').where('id', product.id).forUpdate().select('id').first()
        const last = await trx.from('product_images').where('product_id', product.id).max('position as position').count('* as n').first()
        const asset = await upload.createAsset(trx)
        await dispatch('media.process', { mediaAssetId: asset.id }, { client: trx })
        return ProductImage.create(
          {
            productId: product.id,
            mediaAssetId: asset.id,
            position: Number(last?.n ?? 0) ? Number(last!.position) + 1 : 0,
            isPrimary: !Number(last?.n ?? 0),
            altText: null,
          },
          { client: trx }
        )
      })
    } catch (error) {
      await upload.discard()
      throw error
    }
    await RecordAudit.handle(actor, { action: 'product_image.added', subject: { type: 'product', id: product.id }, details: { imageId: image.id } })
    return { ok: true, image }
  }
}
