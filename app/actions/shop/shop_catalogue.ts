import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import Category from '#models/category'
import Product from '#models/product'
import StudioSetting from '#models/studio_setting'
import type { PublicImage } from '#services/media/public_image'
import { joinProductPicture, productImage, productPictureOf } from '#actions/shop/product_picture'
import { portfolioCards } from '#actions/site/portfolio_cards'

/** A product as the shop lists it: what it is, its picture and its lowest price. */
export interface ShopCard {
  name: string
  href: string
  shortDescription: string | null
  fromPrice: number
  variantCount: number
  image: PublicImage | null
  imageAlt: string
}

/**
 * The shop's cards: active products with at least one active variant (in the given product
 * categories, or all), each with its primary image and cheapest variant, in one query.
 */
export async function shopCards(categoryIds?: string[]): Promise<ShopCard[]> {
  const activeVariants = (column: string) =>
    db.from('product_variants as v').whereColumn('v.product_id', 'p.id').where('v.active', true).select(db.raw(column))
  const query = db
    .from('products as p')
    .where('p.active', true)
    .whereExists((variants) => variants.from('product_variants as v').whereColumn('v.product_id', 'p.id').where('v.active', true))
    .if(categoryIds, (q) => q.whereIn('p.category_id', categoryIds!))
    .orderBy('p.featured', 'desc')
    .orderBy('p.sort_order')
    .orderBy('p.name')
    .select('p.name', 'p.slug', 'p.short_description')
    .select(activeVariants('min(v.price)').as('from_price'), activeVariants('count(*)').as('variant_count'))
  const rows = await joinProductPicture(query)
  const productUrl = router.makeUrl('shop_products.show', { slug: '__slug__' })
  return rows.map((row) => ({
    name: row.name,
    href: productUrl.replace('__slug__', encodeURIComponent(row.slug)),
    shortDescription: row.short_description,
    fromPrice: Number(row.from_price),
    variantCount: Number(row.variant_count),
    ...productPictureOf(row, row.name),
  }))
}

/**
 * The shop page: its categories (the product tree, in order), the one chosen by slug with
 * its sub-categories, and their products. Null for a slug that names no product category.
 */
export async function browseShop(categorySlug?: string) {
  const categories = await Category.query().withScopes((scopes) => scopes.product()).orderBy('sort_order').orderBy('name')
  const current = categorySlug ? categories.find((category) => category.slug === categorySlug) : undefined
  if (categorySlug && !current) return null
  const ids = current ? [current.id, ...categories.filter((category) => category.parentId === current.id).map((category) => category.id)] : undefined
  const [products, studio] = await Promise.all([shopCards(ids), StudioSetting.current()])
  return { categories, current, products, currency: studio.currency }
}

/** How many artworks a product page suggests printing it from. */
const SUGGESTED_ARTWORKS = 12

/**
 * A product's page: the active product with its active variants (cheapest first), its
 * processed images in order (primary first), and artworks sold as this product. Null when
 * the product is unknown, inactive or has nothing for sale.
 */
export async function showShopProduct(slug: string) {
  const product = await Product.query()
    .where('slug', slug)
    .where('active', true)
    .preload('variants', (variants) => variants.where('active', true).orderBy('price').orderBy('sort_order'))
    .preload('images', (images) => images.orderBy('is_primary', 'desc').orderBy('position').preload('mediaAsset'))
    .preload('shopCategory')
    .first()
  if (!product || !product.variants.length) return null
  const images = product.images
    .filter((image) => image.mediaAsset?.status === 'ready')
    .map((image) => ({ ...productImage(image.mediaAssetId, image.mediaAsset.width, image.mediaAsset.height), alt: image.altText || product.name, assetId: image.mediaAssetId }))
  const [studio, artworks] = await Promise.all([StudioSetting.current(), portfolioCards(undefined, undefined, product.id)])
  return { product, images, studio, artworks: artworks.slice(0, SUGGESTED_ARTWORKS), moreArtworks: artworks.length > SUGGESTED_ARTWORKS }
}
