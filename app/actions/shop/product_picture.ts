import router from '@adonisjs/core/services/router'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { type PublicImage, publicImage } from '#services/media/public_image'

/**
 * A shop read's product primary image, in the same query: left-joins the primary image of
 * products aliased `p` and its processed asset, and selects what `productPictureOf` reads.
 */
export function joinProductPicture(query: DatabaseQueryBuilderContract) {
  return query
    .leftJoin('product_images as pi', (join) => join.on('pi.product_id', 'p.id').andOnVal('pi.is_primary', true))
    .leftJoin('media_assets as pm', (join) => join.on('pm.id', 'pi.media_asset_id').andOnVal('pm.status', 'ready'))
    .select('pm.id as picture_id', 'pm.width as picture_width', 'pm.height as picture_height', 'pi.alt_text as picture_alt')
}

const ZERO = '00000000-0000-0000-0000-000000000000'

/** The `<img>` attributes of a row read with joinProductPicture (null without a processed primary image). */
export function productPictureOf(row: Record<string, any>, productName: string): { image: PublicImage | null; imageAlt: string } {
  const imageAlt = row.picture_alt || productName
  if (!row.picture_id) return { image: null, imageAlt }
  return { image: productImage(row.picture_id, row.picture_width, row.picture_height), imageAlt }
}

/** A product image's public derivatives, by its processed media asset. */
export function productImage(assetId: string, width: number | null, height: number | null): PublicImage {
  const pattern = router.makeUrl('product_images.show', { id: ZERO, variant: '__variant__' })
  return publicImage((variant) => pattern.replace(ZERO, assetId).replace('__variant__', variant), width, height)
}
