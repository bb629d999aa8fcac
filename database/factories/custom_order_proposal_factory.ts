import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import CustomOrderProposal from '#models/custom_order_proposal'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { UserFactory } from '#database/factories/user_factory'

/** Needs its custom order and photographer (`.with('photographer', 1, (u) => u.apply('photographer'))`). */
export const CustomOrderProposalFactory = factory
  .define(CustomOrderProposal, ({ faker }) => ({
    price: faker.number.int({ min: 3, max: 20 }) * 10000,
    estimatedDays: faker.number.int({ min: 7, max: 45 }),
    message: faker.lorem.sentences(2),
    status: 'pending' as const,
  }))
  .state('accepted', (proposal) => {
    proposal.status = 'accepted'
    proposal.decidedAt = DateTime.now().minus({ days: 1 })
  })
  .state('declined', (proposal) => {
    proposal.status = 'declined'
    proposal.decidedAt = DateTime.now().minus({ days: 1 })
  })
  .relation('customOrder', () => CustomOrderFactory)
  .relation('photographer', () => UserFactory)
  .build()
