import factory from '@adonisjs/lucid/factories'
import TransformationType from '#models/transformation_type'

export const TransformationTypeFactory = factory
  .define(TransformationType, ({ faker }) => ({
    name: `${faker.word.adjective()} ${faker.music.genre()} ${faker.string.alphanumeric(4)}`,
    description: faker.lorem.sentence(),
    promptTemplate: 'Transform the person in the image into a {{style}} rock star on stage.',
    enabled: true,
    sortOrder: faker.number.int({ min: 0, max: 20 }),
  }))
  .state('disabled', (type) => (type.enabled = false))
  .build()
