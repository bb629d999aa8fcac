import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import CustomOrder from '#models/custom_order'
import { assertTransition } from '#models/concerns/state_machine'

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

const TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  pending: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
}

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

  async accept() {
    await this.decide('accepted')
  }

  async decline() {
    await this.decide('declined')
  }

  async withdraw() {
    await this.decide('withdrawn')
  }

  private async decide(to: ProposalStatus) {
    assertTransition('Proposal', this.status, to, TRANSITIONS)
    this.status = to
    this.decidedAt = DateTime.now()
    await this.save()
  }
}
