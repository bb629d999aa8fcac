import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type ProductImage from '#models/product_image'
import RecordAudit from '#actions/audit/record_audit'
import type { ProductImageInput } from '#validators/product_image'
import type { Actor } from '#support/actor'

/**
 * A product image's alt text, place in the order (the others close up around it) and
 * whether it is the primary one (the one the shop shows). One transaction; the unique
 * "one primary per product" index settles two racing clicks.
 */
export default class UpdateProductImage {
  static async handle(actor: Actor, image: ProductImage, input: ProductImageInput) {
    await db.transaction(async (trx) => {
      image.useTransaction(trx)
      image.altText = input.altText || null
      await image.save()
      await placeImage(image, input.position - 1, trx)
      if (input.primary) await makePrimary(image, trx)
    })
    await RecordAudit.handle(actor, { action: 'product_image.updated', subject: { type: 'product', id: image.productId }, details: { imageId: image.id, ...input } })
  }
}

/** Renumbers the product's images 0…n-1 with this one at `position` (clamped). */
export async function placeImage(image: Pick<ProductImage, 'id' | 'productId'>, position: number | null, trx: TransactionClientContract) {
  const rows = await trx.from('product_images').where('product_id', image.productId).orderBy('position').orderBy('created_at').select('id')
  const others = rows.map((row) => row.id as string).filter((id) => id !== image.id)
  if (position !== null) others.splice(Math.max(0, Math.min(position, others.length)), 0, image.id)
  for (const [index, id] of others.entries()) await trx.from('product_images').where('id', id).update({ position: index })
}

async function makePrimary(image: ProductImage, trx: TransactionClientContract) {
  await trx.from('product_images').where('product_id', image.productId).whereNot('id', image.id).where('is_primary', true).update({ is_primary: false })
  await trx.from('product_images').where('id', image.id).update({ is_primary: true })
  image.isPrimary = true
}
