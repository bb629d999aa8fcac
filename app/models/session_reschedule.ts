import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import PhotoSession from '#models/photo_session'
import User from '#models/user'
import { booleanColumn } from '#models/concerns/boolean_column'

/** A photo session moved in time or to another photographer: who, when, and why if rules were overridden. */
export default class SessionReschedule extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare photoSessionId: string

  @column.dateTime()
  declare fromStartsAt: DateTime

  @column.dateTime()
  declare toStartsAt: DateTime

  @column()
  declare fromPhotographerId: string | null

  @column()
  declare toPhotographerId: string | null

  @column()
  declare actorId: string | null

  @column()
  declare actorRole: string | null

  @booleanColumn()
  declare overridden: boolean

  @column()
  declare reason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  @beforeCreate()
  static assignId(row: SessionReschedule) {
    row.id ??= randomUUID()
  }
}
