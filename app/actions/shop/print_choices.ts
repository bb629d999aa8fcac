import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { type PublicImage, publicImage } from '#services/media/public_image'

/** One print an artwork can be ordered as, with its price today. */
export interface PrintChoice {
  id: string
  name: string
  sku: string
  size: string | null
  material: string | null
  productName: string
  price: number
  /** The product's primary image, once processed. */
  image: PublicImage | null
  imageAlt: string
}

/**
 * An artwork's print options that are for sale (option available, variant and product
 * active) with their product's primary image, in one joined query, cheapest first: the
 * artwork page's biggest read.
 */
export async function printChoicesOf(artworkId: string): Promise<PrintChoice[]> {
  const rows = await db
    .from('artwork_print_options as o')
    .join('product_variants as v', 'v.id', 'o.product_variant_id')
    .join('products as p', 'p.id', 'v.product_id')
    .where('o.artwork_id', artworkId)
    .where('o.available', true)
    .where('v.active', true)
    .where('p.active', true)
    .leftJoin('product_images as pi', (join) => join.on('pi.product_id', 'p.id').andOnVal('pi.is_primary', true))
    .leftJoin('media_assets as m', (join) => join.on('m.id', 'pi.media_asset_id').andOnVal('m.status', 'ready'))
    .select('o.id', 'o.price_override', 'v.name', 'v.sku', 'v.size', 'v.material', 'v.price', 'p.name as product_name')
    .select('m.id as media_id', 'm.width', 'm.height', 'pi.alt_text')
  const imageUrl = router.makeUrl('product_images.show', { id: '00000000-0000-0000-0000-000000000000', variant: '__variant__' })
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      sku: row.sku,
      size: row.size,
      material: row.material,
      productName: row.product_name,
      price: Number(row.price_override ?? row.price),
      image: row.media_id
        ? publicImage((variant) => imageUrl.replace('00000000-0000-0000-0000-000000000000', row.media_id).replace('__variant__', variant), row.width, row.height)
        : null,
      imageAlt: row.alt_text || row.product_name,
    }))
    .sort((a, b) => a.price - b.price || a.name.localeCompare(b.name))
}
