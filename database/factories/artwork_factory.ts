import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Artwork from '#models/artwork'
import { ArtworkPrintOptionFactory } from '#database/factories/artwork_print_option_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { UserFactory } from '#database/factories/user_factory'

export const ArtworkFactory = factory
  .define(Artwork, ({ faker }) => {
    const title = faker.word.words({ count: { min: 2, max: 4 } })
    return {
      title,
      slug: `${faker.helpers.slugify(title).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      description: faker.lorem.paragraph(),
      camera: faker.helpers.arrayElement(['Leica M6', 'Canon AE-1', 'Nikon Z8', 'Fujifilm X-T5']),
      filmStock: faker.helpers.arrayElement([null, 'Kodak Portra 400', 'Ilford HP5 Plus']),
      location: faker.location.city(),
      capturedOn: DateTime.fromJSDate(faker.date.past({ years: 3 })).startOf('day'),
      featured: false,
      status: 'draft' as const,
      sortOrder: 0,
    }
  })
  .state('published', (artwork) => (artwork.status = 'published'))
  .state('featured', (artwork) => {
    artwork.status = 'published'
    artwork.featured = true
  })
  .relation('category', () => CategoryFactory)
  .relation('photographer', () => UserFactory)
  .relation('mediaAsset', () => MediaAssetFactory)
  .relation('printOptions', () => ArtworkPrintOptionFactory)
  .build()
