import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Gallery from '#models/gallery'
import Artwork from '#models/artwork'
import ProductVariant from '#models/product_variant'
import DiscountCode from '#models/discount_code'
import StudioSetting from '#models/studio_setting'

/** Products a family orders with their own gallery photos on them. */
const PHOTO_PRODUCTS = ['photo-print', 'gallery-canvas-wrap', 'metal-print', 'rock-star-kids-tee', 'album-cover-mug']

/** What the earlier seeders left for the shop to sell, loaded once and in a stable order. */
export async function loadShop(client: QueryClientContract) {
  const customers = await User.query({ client })
    .where((q) => q.whereLike('email', 'family%@loupe.test').orWhere('email', 'customer@loupe.test'))
    .orderBy('email')
  const photographers = await User.query({ client })
    .where('role', 'photographer')
    .whereLike('email', '%@loupe.test')
    .orderBy('email')
  // one relation at a time: parallel preloads would share one connection
  const galleries = await Gallery.query({ client })
    .whereNotNull('photo_session_id')
    .whereIn('status', ['published', 'expired', 'archived'])
    .orderBy('slug')
  for (const gallery of galleries) {
    await gallery.load('photoSession')
    await gallery.load('photos', (q) => q.orderBy('sort_order').orderBy('id'))
  }
  const artworks = await Artwork.query({ client }).where('status', 'published').orderBy('slug')
  for (const artwork of artworks) {
    await artwork.load('printOptions', (q) => q.where('available', true).preload('productVariant').orderBy('id'))
  }
  const variants = await ProductVariant.query({ client })
    .where('active', true)
    .whereHas('product', (q) => q.whereIn('slug', PHOTO_PRODUCTS))
    .preload('product')
    .orderBy('sku')
  const settings = await StudioSetting.query({ client }).first()
  return {
    customers,
    photographers,
    galleries: galleries.filter((g) => g.photos.length),
    artworks: artworks.filter((a) => a.printOptions.length),
    variants,
    discountCodes: await DiscountCode.query({ client }).orderBy('code'),
    taxRateBps: settings?.taxRateBps ?? 825,
    currency: settings?.currency ?? 'USD',
  }
}

export type Shop = Awaited<ReturnType<typeof loadShop>>
