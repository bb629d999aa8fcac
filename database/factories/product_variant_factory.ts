import factory from '@adonisjs/lucid/factories'
import ProductVariant from '#models/product_variant'
import { ProductFactory } from '#database/factories/product_factory'
import { ensureParent } from '#database/factories/support/parent'

export const ProductVariantFactory = factory
  .define(ProductVariant, ({ faker }) => {
    const size = faker.helpers.arrayElement(['4x6', '5x7', '8x10', '11x14', '16x20'])
    return {
      sku: `PRT-${size.toUpperCase()}-${faker.string.alphanumeric(8).toUpperCase()}`,
      name: `${size} print`,
      size,
      material: 'lustre',
      color: null,
      price: faker.number.int({ min: 5, max: 150 }) * 100,
      stock: null,
      active: true,
      sortOrder: 0,
    }
  })
  .before('create', async (builder, model, ctx) => {
    model.productId = (await ensureParent(builder, 'product', model.productId, () =>
      ProductFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('stocked', (variant) => (variant.stock = 25))
  .state('soldOut', (variant) => (variant.stock = 0))
  .state('inactive', (variant) => (variant.active = false))
  .relation('product', () => ProductFactory)
  .build()
