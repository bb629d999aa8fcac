import factory from '@adonisjs/lucid/factories'
import NumberSequence from '#models/number_sequence'

export const NumberSequenceFactory = factory
  .define(NumberSequence, ({ faker }) => ({
    kind: faker.helpers.arrayElement(['session', 'order', 'invoice'] as const),
    year: faker.number.int({ min: 1000, max: 1999 }),
    lastValue: faker.number.int({ min: 0, max: 500 }),
  }))
  .build()
