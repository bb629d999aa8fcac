import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { randomUUID } from 'node:crypto'
import PhotoSession from '#models/photo_session'

/**
 * One cell of time (or one place in a day's maximum) held by a photo session. The unique
 * `claimKey` is what makes the last slot race-safe: see app/booking/slot_claims.ts.
 */
export default class SlotClaim extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare photoSessionId: string

  @column()
  declare claimKey: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @beforeCreate()
  static assignId(claim: SlotClaim) {
    claim.id ??= randomUUID()
  }
}
