import factory from '@adonisjs/lucid/factories'
import Package from '#models/package'

export const PackageFactory = factory
  .define(Package, ({ faker }) => {
    const name = `${faker.music.genre()} ${faker.word.noun()}`
    return {
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      shortDescription: faker.lorem.sentence(),
      description: faker.lorem.paragraph(),
      basePrice: faker.number.int({ min: 99, max: 899 }) * 100,
      durationMinutes: faker.helpers.arrayElement([30, 45, 60, 90]),
      maxChildren: faker.number.int({ min: 1, max: 3 }),
      includesStyling: true,
      maxOutfitChanges: faker.number.int({ min: 1, max: 4 }),
      includedPhotos: faker.number.int({ min: 5, max: 30 }),
      photoEditingLevel: faker.helpers.arrayElement(['basic', 'standard', 'premium'] as const),
      includesPrint: true,
      printSize: faker.helpers.arrayElement(['4x6', '5x7', '8x10']),
      active: true,
      sortOrder: 0,
      metadata: null,
    }
  })
  .state('inactive', (pkg) => (pkg.active = false))
  .build()
