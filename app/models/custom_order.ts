import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import MediaAsset from '#models/media_asset'
import CustomOrderProposal from '#models/custom_order_proposal'
import CustomOrderMilestone from '#models/custom_order_milestone'
import ConceptImage from '#models/concept_image'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const CUSTOM_ORDER_STATUSES = [
  'open',
  'proposed',
  'accepted',
  'in_progress',
  'delivered',
  'completed',
  'cancelled',
] as const
export type CustomOrderStatus = (typeof CUSTOM_ORDER_STATUSES)[number]

export const customOrderStates = defineStateMachine<CustomOrderStatus>('CustomOrder', {
  open: ['proposed', 'cancelled'],
  proposed: ['accepted', 'cancelled'],
  accepted: ['in_progress', 'cancelled'],
  in_progress: ['delivered', 'cancelled'],
  // A delivery the customer sends back for changes goes back to work.
  delivered: ['completed', 'in_progress'],
  completed: [],
  cancelled: [],
})

/** A commission: the customer describes (often from a concept image), photographers propose, milestones pay. */
export default class CustomOrder extends AppModel {
  @column()
  declare userId: string

  @column()
  declare photographerId: string | null

  @column()
  declare title: string

  @column()
  declare description: string

  @column()
  declare budget: number | null

  @column()
  declare currency: string

  @column()
  declare conceptMediaId: string | null

  @column()
  declare status: CustomOrderStatus

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime()
  declare completedAt: DateTime | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  @belongsTo(() => MediaAsset, { foreignKey: 'conceptMediaId' })
  declare conceptMedia: BelongsTo<typeof MediaAsset>

  @hasMany(() => CustomOrderProposal)
  declare proposals: HasMany<typeof CustomOrderProposal>

  @hasMany(() => CustomOrderMilestone, { onQuery: (query) => query.orderBy('position') })
  declare milestones: HasMany<typeof CustomOrderMilestone>

  @hasMany(() => ConceptImage)
  declare conceptImages: HasMany<typeof ConceptImage>

  @beforeCreate()
  static defaultStatus(order: CustomOrder) {
    order.status ??= 'open'
  }

  /** Still looking for a photographer. */
  static seekingProposals = scope((query) => {
    query.whereIn('status', ['open', 'proposed'])
  })

  static active = scope((query) => {
    query.whereNotIn('status', ['completed', 'cancelled'])
  })

  markProposed(options: ChangeOptions = {}) {
    return transition(this, customOrderStates, 'proposed', options)
  }

  /** The photographer of the accepted proposal takes the commission. */
  accept(proposal: CustomOrderProposal, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, customOrderStates, 'accepted', {
      ...options,
      now,
      set: { photographerId: proposal.photographerId, acceptedAt: now },
    })
  }

  /** Work starts, or starts again on a delivery sent back for changes. */
  start(options: ChangeOptions = {}) {
    return transition(this, customOrderStates, 'in_progress', options)
  }

  markDelivered(options: ChangeOptions = {}) {
    return transition(this, customOrderStates, 'delivered', options)
  }

  complete(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, customOrderStates, 'completed', { ...options, now, set: { completedAt: now } })
  }

  cancel(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, customOrderStates, 'cancelled', { ...options, now, set: { cancelledAt: now } })
  }
}
