import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import Message from '#models/message'

export const CONVERSATION_SUBJECT_TYPES = ['photo_session', 'order', 'custom_order', 'product'] as const
export type ConversationSubjectType = (typeof CONVERSATION_SUBJECT_TYPES)[number]

/** A thread between one customer and the studio, optionally about a session, order or product. */
export default class Conversation extends AppModel {
  @column()
  declare customerId: string

  @column()
  declare subject: string

  @column()
  declare relatedType: ConversationSubjectType | null

  @column()
  declare relatedId: string | null

  @column.dateTime()
  declare lastMessageAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'customerId' })
  declare customer: BelongsTo<typeof User>

  @hasMany(() => Message, { onQuery: (query) => query.orderBy('created_at') })
  declare messages: HasMany<typeof Message>

  static recent = scope((query) => {
    query.orderByRaw('last_message_at desc nulls last')
  })

  static about = scope((query, relatedType: ConversationSubjectType, relatedId: string) => {
    query.where('related_type', relatedType).where('related_id', relatedId)
  })
}
