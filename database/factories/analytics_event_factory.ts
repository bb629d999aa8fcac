import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import AnalyticsEvent from '#models/analytics_event'

export const AnalyticsEventFactory = factory
  .define(AnalyticsEvent, ({ faker }) => ({
    name: 'page_view' as const,
    path: faker.helpers.arrayElement(['/', '/portfolio', '/shop', '/packages', '/about']),
    subjectType: null,
    subjectId: null,
    visitorHash: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
    referrer: faker.helpers.maybe(() => 'https://www.google.com/') ?? null,
  }))
  .state('artworkView', (event) => {
    event.name = 'artwork_view'
    event.path = '/portfolio/neon-nights'
    event.subjectType = 'artwork'
    event.subjectId = randomUUID()
  })
  .state('purchase', (event) => {
    event.name = 'purchase'
    event.path = '/checkout/complete'
    event.subjectType = 'order'
    event.subjectId = randomUUID()
  })
  .build()
