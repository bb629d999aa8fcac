import { DateTime } from 'luxon'
import { afterCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import Conversation from '#models/conversation'

/** One message in a conversation; read when its recipient has seen it. */
export default class Message extends AppModel {
  @column()
  declare conversationId: string

  /** Null once the sender's account is gone. */
  @column()
  declare senderId: string | null

  @column()
  declare body: string

  @column.dateTime()
  declare readAt: DateTime | null

  @belongsTo(() => Conversation)
  declare conversation: BelongsTo<typeof Conversation>

  @belongsTo(() => User, { foreignKey: 'senderId' })
  declare sender: BelongsTo<typeof User>

  /** Messages waiting for `userId` to read them (sent by someone else). */
  static unreadFor = scope((query, userId: string) => {
    query.whereNull('read_at').where((sub) => sub.whereNull('sender_id').orWhereNot('sender_id', userId))
  })

  /** Keeps the inbox order right without a second write in every caller. */
  @afterCreate()
  static async touchConversation(message: Message) {
    const query = Conversation.query({ client: message.$trx, connection: message.$options?.connection })
    const at = message.createdAt.toFormat(query.client.dialect.dateTimeFormat)
    await query.where('id', message.conversationId).update({ last_message_at: at })
  }

  async markRead() {
    if (this.readAt) return
    this.readAt = DateTime.now()
    await this.save()
  }
}
