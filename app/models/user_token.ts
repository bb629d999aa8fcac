import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'

export type UserTokenPurpose = 'password_reset' | 'email_verification'

/** Single-use tokens sent by email; only their SHA-256 is stored. */
export default class UserToken extends AppModel {
  @column()
  declare userId: string

  @column()
  declare purpose: UserTokenPurpose

  @column({ serializeAs: null })
  declare tokenHash: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare consumedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  get isUsable() {
    return this.consumedAt === null && this.expiresAt > DateTime.now()
  }
}
