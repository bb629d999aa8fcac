import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { type PublicImage, publicImage } from '#services/media/public_image'

export interface PortfolioCard {
  title: string
  href: string
  image: PublicImage | null
}

/**
 * The portfolio grid's cards: published artworks (some categories', one photographer's, those
 * sold as one product, or all) with their picture's size, in one joined query of the few
 * columns the grid shows, as plain objects. Sixty models and their assets' EXIF would cost more than the whole page.
 */
export async function portfolioCards(categoryIds?: string[], photographerId?: string, productId?: string): Promise<PortfolioCard[]> {
  const rows = await db
    .from('artworks as a')
    .leftJoin('media_assets as m', (join) => join.on('m.id', 'a.media_asset_id').andOnVal('m.status', 'ready'))
    .where('a.status', 'published')
    .if(categoryIds, (q) => q.whereIn('a.category_id', categoryIds!))
    .if(photographerId, (q) => q.where('a.photographer_id', photographerId!))
    .if(productId, (q) =>
      q.whereExists((offered) =>
        offered
          .from('artwork_print_options as o')
          .join('product_variants as v', 'v.id', 'o.product_variant_id')
          .whereColumn('o.artwork_id', 'a.id')
          .where('o.available', true)
          .where('v.active', true)
          .where('v.product_id', productId!)
      )
    )
    .orderBy('a.sort_order')
    .orderBy('a.title')
    .select('a.title', 'a.slug', 'm.id as media_id', 'm.width', 'm.height')
  // Two URL patterns made once with route(), then filled per card: 120 route lookups less.
  const artworkUrl = router.makeUrl('artworks.show', { slug: '__slug__' })
  const imageUrl = router.makeUrl('artwork_images.show', { id: '00000000-0000-0000-0000-000000000000', variant: '__variant__' })
  return rows.map((row) => {
    const href = artworkUrl.replace('__slug__', encodeURIComponent(row.slug))
    if (!row.media_id) return { title: row.title, href, image: null }
    const url = (variant: string) => imageUrl.replace('00000000-0000-0000-0000-000000000000', row.media_id).replace('__variant__', variant)
    return { title: row.title, href, image: publicImage(url, row.width, row.height) }
  })
}
