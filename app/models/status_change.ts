import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/** One state change of a gallery, payment, order… (photo sessions keep `session_events`). */
export default class StatusChange extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string

  @column()
  declare fromStatus: string | null

  @column()
  declare toStatus: string

  @column()
  declare actorId: string | null

  @column()
  declare actorRole: string | null

  @column()
  declare actorLabel: string | null

  @column()
  declare kioskDeviceId: string | null

  @column()
  declare ip: string | null

  @column()
  declare note: string | null

  @column.dateTime()
  declare createdAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  /** The history of one record, oldest first. */
  static of(subjectType: string, subjectId: string) {
    return this.query().where('subjectType', subjectType).where('subjectId', subjectId).orderBy('createdAt', 'asc')
  }
}
