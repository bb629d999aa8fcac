import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#support/db/sql_time'
import { affectedRows } from '#support/db/affected_rows'

export const OTP_CHANNELS = ['sms', 'email'] as const
export type OtpChannel = (typeof OTP_CHANNELS)[number]
export const OTP_PURPOSES = ['login', 'verify'] as const
export type OtpPurpose = (typeof OTP_PURPOSES)[number]

/** Wrong guesses allowed before a code is dead. */
export const OTP_MAX_ATTEMPTS = 3

/** A short-lived code sent by SMS or email. Only its hash is stored; it works once. */
export default class OneTimeCode extends AppModel {
  @column()
  declare userId: string | null

  @column()
  declare channel: OtpChannel

  @column()
  declare destination: string

  @column({ serializeAs: null })
  declare codeHash: string

  @column()
  declare purpose: OtpPurpose

  @column()
  declare attempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare consumedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /** Codes that could still be redeemed now. */
  static usable = scope((query) => {
    const now = DateTime.now().toFormat(query.client.dialect.dateTimeFormat)
    query.whereNull('consumed_at').where('expires_at', '>', now).where('attempts', '<', OTP_MAX_ATTEMPTS)
  })

  get isExpired() {
    return this.expiresAt <= DateTime.now()
  }

  get isUsable() {
    return !this.consumedAt && !this.isExpired && this.attempts < OTP_MAX_ATTEMPTS
  }

  /** A wrong guess, counted in the database so concurrent guesses all count. */
  async recordFailedAttempt() {
    await db.from(OneTimeCode.table).where('id', this.id).increment('attempts', 1)
    this.attempts += 1
  }

  /** Spends the code; of two requests racing with it, exactly one gets true. */
  async consume(now: DateTime = DateTime.now()) {
    const changed = await db
      .from(OneTimeCode.table)
      .where('id', this.id)
      .whereNull('consumed_at')
      .where('expires_at', '>', sqlTime(now))
      .where('attempts', '<', OTP_MAX_ATTEMPTS)
      .update({ consumed_at: sqlTime(now), updated_at: sqlTime(now) })
    if (affectedRows(changed) !== 1) return false
    this.consumedAt = now
    return true
  }
}
