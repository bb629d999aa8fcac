import db from '@adonisjs/lucid/services/db'
import type { PublicImage } from '#services/media/public_image'
import { joinProductPicture, productPictureOf } from '#actions/shop/product_picture'

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
  const query = db
    .from('artwork_print_options as o')
    .join('product_variants as v', 'v.id', 'o.product_variant_id')
    .join('products as p', 'p.id', 'v.product_id')
    .where('o.artwork_id', artworkId)
    .where('o.available', true)
    .where('v.active', true)
    .where('p.active', true)
    .select('o.id', 'o.price_override', 'v.name', 'v.sku', 'v.size', 'v.material', 'v.price', 'p.name as product_name')
  const rows = await joinProductPicture(query)
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      sku: row.sku,
      size: row.size,
      material: row.material,
      productName: row.product_name,
      price: Number(row.price_override ?? row.price),
      ...productPictureOf(row, row.product_name),
    }))
    .sort((a, b) => a.price - b.price || a.name.localeCompare(b.name))
}
