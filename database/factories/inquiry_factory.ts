import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Inquiry from '#models/inquiry'
import { UserFactory } from '#database/factories/user_factory'
import { plainFullName } from '#database/factories/support/plain_names'

export const InquiryFactory = factory
  .define(Inquiry, ({ faker }) => ({
    name: plainFullName(faker),
    email: faker.internet.email().toLowerCase(),
    phone: faker.helpers.maybe(() => faker.phone.number({ style: 'national' })) ?? null,
    message: faker.lorem.sentences(2),
    source: 'contact_form' as const,
    status: 'new' as const,
  }))
  .state('contacted', (inquiry) => {
    inquiry.status = 'contacted'
    inquiry.contactedAt = DateTime.now().minus({ days: 1 })
  })
  .state('closed', (inquiry) => {
    inquiry.status = 'closed'
    inquiry.closedAt = DateTime.now().minus({ days: 1 })
  })
  .state('converted', (inquiry) => {
    inquiry.status = 'converted'
    inquiry.convertedAt = DateTime.now().minus({ days: 1 })
  })
  .relation('user', () => UserFactory)
  .build()
