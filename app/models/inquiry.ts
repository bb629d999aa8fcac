import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const INQUIRY_STATUSES = ['new', 'contacted', 'converted', 'closed'] as const
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number]

export const INQUIRY_SOURCES = [
  'contact_form',
  'booking_form',
  'phone',
  'walk_in',
  'referral',
  'social',
  'event',
] as const
export type InquirySource = (typeof INQUIRY_SOURCES)[number]

export const inquiryStates = defineStateMachine<InquiryStatus>('Inquiry', {
  new: ['contacted', 'converted', 'closed'],
  contacted: ['converted', 'closed'],
  converted: [],
  closed: ['contacted'],
})

/** A prospect's first message to the studio, followed up until it becomes a client or closes. */
export default class Inquiry extends AppModel {
  static table = 'inquiries'

  @column()
  declare name: string

  @column()
  declare email: string

  @column()
  declare phone: string | null

  @column()
  declare message: string

  @column()
  declare source: InquirySource

  @column()
  declare status: InquiryStatus

  /** The account the prospect became, once converted. */
  @column()
  declare userId: string | null

  @column.dateTime()
  declare contactedAt: DateTime | null

  @column.dateTime()
  declare convertedAt: DateTime | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /** Inquiries still waiting on the studio. */
  static open = scope((query) => {
    query.whereIn('status', ['new', 'contacted'])
  })

  /** Also reopens a closed inquiry. */
  markContacted(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, inquiryStates, 'contacted', { ...options, now, set: { contactedAt: now, closedAt: null } })
  }

  /** The prospect became a client: `user` is their account. */
  convert(user: User, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, inquiryStates, 'converted', { ...options, now, set: { userId: user.id, convertedAt: now } })
  }

  close(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, inquiryStates, 'closed', { ...options, now, set: { closedAt: now } })
  }
}
