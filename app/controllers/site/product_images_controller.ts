import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { sendPublicImage } from '#controllers/site/public_images'

/** The public images of active products (see sendPublicImage). */
export default class ProductImagesController {
  async show(ctx: HttpContext) {
    return sendPublicImage(ctx, async (id) => {
      const row = await db
        .from('product_images as i')
        .join('products as p', 'p.id', 'i.product_id')
        .where('i.media_asset_id', id)
        .where('p.active', true)
        .select('i.id')
        .first()
      return !!row
    })
  }
}
