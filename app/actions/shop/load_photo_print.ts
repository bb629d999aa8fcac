import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import { visiblePhotosOf } from '#actions/galleries/visible_photos'
import { cachedMediaUrl, viewingVariants } from '#services/galleries/photo_urls'
import { printCrop } from '#shop/print_crop'
import type { PublicImage } from '#services/media/public_image'
import { joinProductPicture, productPictureOf } from '#actions/shop/product_picture'

/** Goods a gallery photo can be printed on: wall prints, canvas and metal. */
export const PHOTO_PRINT_CATEGORIES = ['prints', 'canvas', 'metal'] as const

export interface PhotoPrintChoice {
  variantId: string
  productName: string
  name: string
  size: string | null
  price: number
  /** The product's primary image, once processed. */
  image: PublicImage | null
  imageAlt: string
  /** Where the print's shape falls on the photo, in % of its width and height (null: the whole photo). */
  crop: { left: number; top: number; width: number; height: number } | null
}

export interface PhotoPrint {
  currency: string
  photo: { id: string; filename: string | null; width: number; height: number; previewUrl: string }
  choices: PhotoPrintChoice[]
}

/**
 * A photo of the gallery as a print: the photo as the gallery shows it (watermarked where
 * the gallery is) and every active print, canvas and metal variant with its price and the
 * part of the photo it keeps. Null when the photo isn't one the gallery shows.
 */
export default class LoadPhotoPrint {
  static async handle(gallery: Gallery, photoId: string): Promise<PhotoPrint | null> {
    const row = await visiblePhotosOf(gallery.id)
      .where('photos.id', photoId)
      .select('photos.id', 'media_assets.id as asset_id', 'media_assets.width', 'media_assets.height', 'media_assets.variants', 'media_assets.original_filename')
      .first()
    if (!row) return null
    const width = Number(row.width) || 1
    const height = Number(row.height) || 1
    const variants = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
    const full = viewingVariants(gallery.watermarkEnabled, variants).full
    const choices = (await photoPrintVariants()).map((variant) => ({ ...variant, crop: cropShare(width, height, variant.size) }))
    return {
      currency: (await StudioSetting.current()).currency,
      photo: { id: row.id, filename: row.original_filename, width, height, previewUrl: cachedMediaUrl(row.asset_id, full, { galleryId: gallery.id }, Date.now(), variants?.[full] ?? null) },
      choices,
    }
  }
}

/** The variants a gallery photo may be ordered as (or just `variantId`, if it is one), cheapest first. */
export async function photoPrintVariants(variantId?: string) {
  const query = db
    .from('product_variants as v')
    .join('products as p', 'p.id', 'v.product_id')
    .where('v.active', true)
    .where('p.active', true)
    .whereIn('p.category', [...PHOTO_PRINT_CATEGORIES])
    .if(variantId, (query) => query.where('v.id', variantId!))
    .select('v.id', 'v.name', 'v.size', 'v.price', 'p.name as product_name')
  const rows = await joinProductPicture(query)
  return rows
    .map((row) => ({
      variantId: row.id as string,
      productName: row.product_name as string,
      name: row.name as string,
      size: row.size as string | null,
      price: Number(row.price),
      ...productPictureOf(row, row.product_name),
    }))
    .sort((a, b) => a.price - b.price || a.name.localeCompare(b.name))
}

function cropShare(width: number, height: number, size: string | null) {
  const crop = printCrop(width, height, size)
  if (!crop) return null
  const pct = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10
  return { left: pct(crop.left, width), top: pct(crop.top, height), width: pct(crop.width, width), height: pct(crop.height, height) }
}
