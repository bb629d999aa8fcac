import factory from '@adonisjs/lucid/factories'
import Product from '#models/product'
import { CategoryFactory } from '#database/factories/category_factory'
import { ProductImageFactory } from '#database/factories/product_image_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { UserFactory } from '#database/factories/user_factory'

export const ProductFactory = factory
  .define(Product, ({ faker }) => {
    const name = faker.commerce.productName()
    return {
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      shortDescription: faker.lorem.sentence(),
      description: faker.lorem.paragraph(),
      category: 'prints' as const,
      basePrice: faker.number.int({ min: 10, max: 200 }) * 100,
      printfulProductId: null,
      gootenProductId: null,
      sizeOptions: ['8x10', '11x14'],
      materialOptions: null,
      colorOptions: null,
      customizationOptions: null,
      active: true,
      featured: false,
      sortOrder: 0,
      metadata: null,
    }
  })
  .state('inactive', (product) => (product.active = false))
  .state('featured', (product) => (product.featured = true))
  .state('apparel', (product) => {
    product.category = 'apparel'
    product.sizeOptions = ['XS', 'S', 'M', 'L']
    product.colorOptions = ['black', 'white']
  })
  .relation('shopCategory', () => CategoryFactory)
  .relation('photographer', () => UserFactory)
  .relation('variants', () => ProductVariantFactory)
  .relation('images', () => ProductImageFactory)
  .build()
