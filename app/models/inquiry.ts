import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { assertTransition } from '#models/concerns/state_machine'

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

const TRANSITIONS: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new: ['contacted', 'converted', 'closed'],
  contacted: ['converted', 'closed'],
  converted: [],
  closed: ['contacted'],
}

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

  async markContacted() {
    this.moveTo('contacted')
    this.contactedAt = DateTime.now()
    this.closedAt = null
    await this.save()
  }

  async convert(user: User) {
    this.moveTo('converted')
    this.userId = user.id
    this.convertedAt = DateTime.now()
    await this.save()
  }

  async close() {
    this.moveTo('closed')
    this.closedAt = DateTime.now()
    await this.save()
  }

  private moveTo(to: InquiryStatus) {
    assertTransition('Inquiry', this.status, to, TRANSITIONS)
    this.status = to
  }
}
