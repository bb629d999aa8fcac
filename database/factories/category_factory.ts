import factory from '@adonisjs/lucid/factories'
import Category from '#models/category'

export const CategoryFactory = factory
  .define(Category, ({ faker }) => {
    const name = faker.word.words(2)
    return {
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      description: null,
      kind: 'portfolio' as const,
      sortOrder: 0,
    }
  })
  .state('product', (category) => (category.kind = 'product'))
  .relation('parent', () => CategoryFactory)
  .relation('children', () => CategoryFactory)
  .build()
