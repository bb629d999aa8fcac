import drive from '@adonisjs/drive/services/main'
import sharp from 'sharp'
import Artwork from '#models/artwork'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { ArtworkPrintOptionFactory } from '#database/factories/artwork_print_option_factory'
import type Category from '#models/category'

/** A stored, processed picture: the files exist on the disk, so its URLs serve bytes. */
export async function storedAsset() {
  const asset = await MediaAssetFactory.merge({ width: 900, height: 600 }).create()
  const webp = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#5b3fd6' } }).webp().toBuffer()
  const jpeg = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#5b3fd6' } }).jpeg().toBuffer()
  await Promise.all([
    drive.use().put(asset.key, jpeg),
    drive.use().put(`media/${asset.id}/thumb.webp`, webp),
    drive.use().put(`media/${asset.id}/preview.webp`, webp),
  ])
  return asset
}

/**
 * A published artwork with a picture and two prints: an 8x10 lustre at $25 (the variant's
 * price) and an 11x14 giclée whose $80 variant this artwork overrides to $95.
 */
export async function artworkForSale(options: { category?: Category; title?: string; slug?: string } = {}) {
  const category = options.category ?? (await CategoryFactory.merge({ name: 'Rock Portraits', slug: 'rock-portraits' }).create())
  const asset = await storedAsset()
  const artwork = await ArtworkFactory.merge({
    title: options.title ?? 'Electric Riff',
    slug: options.slug ?? 'electric-riff',
    categoryId: category.id,
    mediaAssetId: asset.id,
    camera: 'Leica M6',
    filmStock: 'Ilford HP5 Plus',
    location: 'Loupe Studio, Stage A',
  })
    .apply('published')
    .create()
  const product = await ProductFactory.merge({ name: 'Fine-art print', slug: `fine-art-${artwork.slug}` }).create()
  const small = await ProductVariantFactory.merge({ productId: product.id, name: '8x10 print, lustre', size: '8x10', material: 'lustre', price: 2500, sku: `PRT-8X10-${artwork.slug}` }).create()
  const large = await ProductVariantFactory.merge({ productId: product.id, name: '11x14 giclée, cotton rag', size: '11x14', material: 'cotton rag', price: 8000, sku: `GIC-11X14-${artwork.slug}` }).create()
  const smallOption = await ArtworkPrintOptionFactory.merge({ artworkId: artwork.id, productVariantId: small.id, priceOverride: null, available: true }).create()
  const largeOption = await ArtworkPrintOptionFactory.merge({ artworkId: artwork.id, productVariantId: large.id, priceOverride: 9500, available: true }).create()
  return { artwork: await Artwork.findOrFail(artwork.id), category, asset, product, small, large, smallOption, largeOption }
}
