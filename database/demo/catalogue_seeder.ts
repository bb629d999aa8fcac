import { BaseSeeder } from '@adonisjs/lucid/seeders'
import User from '#models/user'
import { DemoImagePool } from '#database/demo/demo_images'
import { seedArtworks } from '#database/demo/catalogue/artworks'
import { seedCategories } from '#database/demo/catalogue/categories'
import { seedDiscountCodes } from '#database/demo/catalogue/discount_codes'
import { seedPackages } from '#database/demo/catalogue/packages'
import { seedPages } from '#database/demo/catalogue/pages'
import { seedProducts } from '#database/demo/catalogue/products'

/**
 * Session packages, portfolio and shop categories, the print catalogue, ~60 artworks with
 * generated images and print options, content pages and discount codes. Runs after the
 * studio seeder (photographers sell prints and sign artworks).
 */
export default class CatalogueSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const scale = (this.constructor as typeof CatalogueSeeder).scale
    const images = new DemoImagePool(24, 'catalogue')
    await this.client.transaction(async (trx) => {
      const photographers = await User.query({ client: trx })
        .where('role', 'photographer')
        .whereLike('email', '%@loupe.test')
        .orderBy('email')
      await seedPackages(trx)
      await seedCategories(trx)
      await seedProducts(trx, images, photographers)
      await seedArtworks(trx, images, photographers, scale)
      await seedPages(trx)
      await seedDiscountCodes(trx)
    })
  }
}
