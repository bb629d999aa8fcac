import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import CustomOrder from '#models/custom_order'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** A proposal is decided once: accepted by the customer, declined, or withdrawn by the photographer. */
export const proposalStates = defineStateMachine<ProposalStatus>('CustomOrderProposal', {
  pending: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
})

/** A photographer's offer (price and message) for a custom order. */
export default class CustomOrderProposal extends AppModel {
  @column()
  declare customOrderId: string

  @column()
  declare photographerId: string

  @column()
  declare price: number

  @column()
  declare estimatedDays: number | null

  @column()
  declare message: string

  @column()
  declare status: ProposalStatus

  @column.dateTime()
  declare decidedAt: DateTime | null

  @belongsTo(() => CustomOrder)
  declare customOrder: BelongsTo<typeof CustomOrder>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  @beforeCreate()
  static defaultStatus(proposal: CustomOrderProposal) {
    proposal.status ??= 'pending'
  }

  static pending = scope((query) => {
    query.where('status', 'pending')
  })

  accept(options: ChangeOptions = {}) {
    return this.decide('accepted', options)
  }

  decline(options: ChangeOptions = {}) {
    return this.decide('declined', options)
  }

  withdraw(options: ChangeOptions = {}) {
    return this.decide('withdrawn', options)
  }

  private decide(to: ProposalStatus, options: ChangeOptions) {
    const now = options.now ?? DateTime.now()
    return transition(this, proposalStates, to, { ...options, now, set: { decidedAt: now } })
  }
}
