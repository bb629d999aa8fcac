import type { HttpContext } from '@adonisjs/core/http'
import Artwork from '#models/artwork'
import { sendPublicImage } from '#controllers/site/public_images'

/** The public images of published artworks (see sendPublicImage). */
export default class ArtworkImagesController {
  async show(ctx: HttpContext) {
    return sendPublicImage(ctx, async (id) => !!(await Artwork.query().where('media_asset_id', id).where('status', 'published').select('id').first()))
  }
}
