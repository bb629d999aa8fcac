import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import MediaAsset from '#models/media_asset'
import PhotoSession from '#models/photo_session'
import Artwork from '#models/artwork'
import { jsonColumn } from '#models/concerns/json_column'
import { booleanColumn } from '#models/concerns/boolean_column'

/** The public face of a photographer (or artist selling through the studio). */
export default class PhotographerProfile extends AppModel {
  @column()
  declare userId: string

  @column()
  declare displayName: string

  @column()
  declare slug: string

  @column()
  declare bio: string | null

  @column()
  declare avatarMediaId: string | null

  @jsonColumn()
  declare specialties: string[] | null

  /** The studio's cut of this photographer's sales, in basis points. */
  @column()
  declare commissionBps: number

  @column({ serializeAs: null })
  declare payoutAccount: string | null

  @booleanColumn()
  declare acceptingCommissions: boolean

  @booleanColumn()
  declare verified: boolean

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => MediaAsset, { foreignKey: 'avatarMediaId' })
  declare avatar: BelongsTo<typeof MediaAsset>

  /** Sessions and artworks point at the photographer's user, not at this profile. */
  @hasMany(() => PhotoSession, { localKey: 'userId', foreignKey: 'photographerId' })
  declare sessions: HasMany<typeof PhotoSession>

  @hasMany(() => Artwork, { localKey: 'userId', foreignKey: 'photographerId' })
  declare artworks: HasMany<typeof Artwork>

  static acceptingCommissions = scope((query) => {
    query.where('accepting_commissions', true)
  })

  static verified = scope((query) => {
    query.where('verified', true)
  })

  /** The photographer's share of a sale after the studio's commission. */
  payoutFor(amountCents: number) {
    return amountCents - Math.round((amountCents * this.commissionBps) / 10_000)
  }
}
