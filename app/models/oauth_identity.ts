import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'

export const OAUTH_PROVIDERS = ['google', 'facebook'] as const
export type OauthProvider = (typeof OAUTH_PROVIDERS)[number]

/** A Google or Facebook account linked to a Loupe user: one per provider account. */
export default class OauthIdentity extends AppModel {
  @column()
  declare userId: string

  @column()
  declare provider: OauthProvider

  @column()
  declare providerUserId: string

  @column()
  declare email: string | null

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
