import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { InvalidTransitionException } from '#models/concerns/state_machine'

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

  async recordFailedAttempt() {
    this.attempts += 1
    await this.save()
  }

  async consume() {
    if (!this.isUsable) {
      throw new InvalidTransitionException('This code is used, expired or locked')
    }
    this.consumedAt = DateTime.now()
    await this.save()
  }
}
