import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { jsonColumn } from '#models/concerns/json_column'

/** An in-app notice for one person (`session.reminder`, `gallery.published`, `message.received`…). */
export default class Notification extends AppModel {
  @column()
  declare userId: string

  @column()
  declare type: string

  /** What the view needs to render the notice (titles, links, ids); never queried by field. */
  @jsonColumn()
  declare data: Record<string, unknown> | null

  @column.dateTime()
  declare readAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static unread = scope((query) => {
    query.whereNull('read_at')
  })

  static latest = scope((query) => {
    query.orderBy('created_at', 'desc')
  })

  get isRead() {
    return Boolean(this.readAt)
  }

  async markRead() {
    if (this.readAt) return
    this.readAt = DateTime.now()
    await this.save()
  }
}
