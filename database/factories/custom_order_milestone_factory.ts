import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import CustomOrderMilestone from '#models/custom_order_milestone'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'

// Increases across the run so several milestones of one custom order never share a position.
let nextPosition = 1

/** Needs its custom order: `.with('customOrder', 1, (o) => o.with('user'))` or `customOrderId`. */
export const CustomOrderMilestoneFactory = factory
  .define(CustomOrderMilestone, ({ faker }) => ({
    title: faker.helpers.arrayElement(['Concept sketches', 'Shoot day', 'Retouched selects', 'Final prints']),
    amount: faker.number.int({ min: 5, max: 50 }) * 1000,
    position: nextPosition++,
    status: 'pending' as const,
  }))
  .state('funded', (milestone) => {
    milestone.status = 'funded'
    milestone.fundedAt = DateTime.now().minus({ days: 5 })
  })
  .state('delivered', (milestone) => {
    milestone.status = 'delivered'
    milestone.fundedAt = DateTime.now().minus({ days: 10 })
    milestone.deliveredAt = DateTime.now().minus({ days: 1 })
  })
  .state('released', (milestone) => {
    milestone.status = 'released'
    milestone.fundedAt = DateTime.now().minus({ days: 20 })
    milestone.deliveredAt = DateTime.now().minus({ days: 8 })
    milestone.releasedAt = DateTime.now().minus({ days: 6 })
  })
  .state('disputed', (milestone) => {
    milestone.status = 'disputed'
    milestone.fundedAt = DateTime.now().minus({ days: 12 })
    milestone.disputedAt = DateTime.now().minus({ days: 1 })
    milestone.disputeReason = 'The delivered photos do not match the brief.'
  })
  .relation('customOrder', () => CustomOrderFactory)
  .build()
