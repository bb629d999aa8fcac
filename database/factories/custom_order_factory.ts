import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import CustomOrder from '#models/custom_order'
import { UserFactory } from '#database/factories/user_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { CustomOrderProposalFactory } from '#database/factories/custom_order_proposal_factory'
import { CustomOrderMilestoneFactory } from '#database/factories/custom_order_milestone_factory'
import { ConceptImageFactory } from '#database/factories/concept_image_factory'

/** Needs its customer: `.with('user')` or `userId`. Accepted states also want `.with('photographer')`. */
export const CustomOrderFactory = factory
  .define(CustomOrder, ({ faker }) => ({
    title: `${faker.word.adjective()} ${faker.word.noun()} portrait`,
    description: faker.lorem.paragraph(),
    budget: faker.number.int({ min: 3, max: 20 }) * 10000,
    currency: 'USD',
    status: 'open' as const,
  }))
  .state('proposed', (order) => (order.status = 'proposed'))
  .state('accepted', (order) => {
    order.status = 'accepted'
    order.acceptedAt = DateTime.now().minus({ days: 2 })
  })
  .state('inProgress', (order) => {
    order.status = 'in_progress'
    order.acceptedAt = DateTime.now().minus({ days: 10 })
  })
  .state('delivered', (order) => {
    order.status = 'delivered'
    order.acceptedAt = DateTime.now().minus({ days: 20 })
  })
  .state('completed', (order) => {
    order.status = 'completed'
    order.acceptedAt = DateTime.now().minus({ days: 30 })
    order.completedAt = DateTime.now().minus({ days: 3 })
  })
  .state('cancelled', (order) => {
    order.status = 'cancelled'
    order.cancelledAt = DateTime.now().minus({ days: 1 })
  })
  .relation('user', () => UserFactory)
  .relation('photographer', () => UserFactory)
  .relation('conceptMedia', () => MediaAssetFactory)
  .relation('proposals', () => CustomOrderProposalFactory)
  .relation('milestones', () => CustomOrderMilestoneFactory)
  .relation('conceptImages', () => ConceptImageFactory)
  .build()
