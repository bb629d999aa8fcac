import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import BlackoutDate from '#models/blackout_date'

export const BlackoutDateFactory = factory
  .define(BlackoutDate, ({ faker }) => ({
    date: DateTime.now()
      .startOf('day')
      .plus({ days: faker.number.int({ min: 1, max: 3650 }) }),
    reason: faker.helpers.arrayElement(['Studio maintenance', 'Staff training', 'Public holiday', 'Private event']),
  }))
  .state('past', (blackout) => (blackout.date = DateTime.now().startOf('day').minus({ days: 14 })))
  .build()
