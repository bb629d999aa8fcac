import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import { InvalidTransitionException } from '#models/concerns/state_machine'

/** A front-desk tablet paired for family check-in. Its token is stored only as a hash. */
export default class KioskDevice extends AppModel {
  @column()
  declare name: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare pairedBy: string | null

  @column.dateTime()
  declare lastSeenAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'pairedBy' })
  declare pairedByUser: BelongsTo<typeof User>

  @hasMany(() => PhotoSession)
  declare checkIns: HasMany<typeof PhotoSession>

  static active = scope((query) => {
    query.whereNull('revoked_at')
  })

  get isActive() {
    return !this.revokedAt
  }

  async revoke() {
    if (this.revokedAt) throw new InvalidTransitionException('This kiosk is already revoked')
    this.revokedAt = DateTime.now()
    await this.save()
  }

  async markSeen(at: DateTime = DateTime.now()) {
    this.lastSeenAt = at
    await this.save()
  }
}
