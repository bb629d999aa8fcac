import { BaseSeeder } from '@adonisjs/lucid/seeders'
import logger from '@adonisjs/core/services/logger'
import { DemoImagePool } from '#database/demo/demo_images'
import { loadShop } from '#database/demo/commerce/shop'
import { seedPricingTiers, seedTransformationTypes } from '#database/demo/commerce/tiers'
import { seedShippingAddresses } from '#database/demo/commerce/addresses'
import { seedOrders } from '#database/demo/commerce/orders'
import { seedCarts } from '#database/demo/commerce/carts'
import { seedTransformations } from '#database/demo/commerce/transformations'
import { seedCustomOrders } from '#database/demo/commerce/custom_orders'
import { seedCommandRuns } from '#database/demo/commerce/command_runs'

/**
 * The shop and the AI studio (runs after galleries): pricing tiers and transformation
 * types, addresses, ~40 print orders over 60 days with items and payments, open carts,
 * transformations in every status, commissions with proposals and escrow milestones,
 * and a week of scheduled command runs. Everything is found again by a natural key or
 * a name-derived id, so a rerun adds only what is missing.
 */
export default class CommerceSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const scale = (this.constructor as typeof CommerceSeeder).scale
    const client = this.client
    const tiers = await seedPricingTiers(client)
    const types = await seedTransformationTypes(client)
    const shop = await loadShop(client)
    if (!shop.customers.length) {
      logger.warn('commerce seeder: no demo families yet; run the studio seeder first')
      return
    }
    const images = new DemoImagePool(12, 'commerce')
    await seedShippingAddresses(client, shop.customers)
    await seedOrders(client, shop, 40 * scale)
    await seedCarts(client, shop, scale)
    await seedTransformations(client, shop.customers, tiers, types, images, scale)
    await seedCustomOrders(client, shop.customers, shop.photographers, images, scale)
    await seedCommandRuns(client)
  }
}
