import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Gallery from '#models/gallery'
import PhotoFavorite from '#models/photo_favorite'
import User from '#models/user'

/**
 * A guest who opened a gallery with its access code and left an email: the cookie
 * token (stored hashed) lets them keep favourites without an account.
 */
export default class GalleryVisitor extends AppModel {
  @column()
  declare galleryId: string

  @column({ prepare: (value: string) => value?.trim().toLowerCase() })
  declare email: string

  @column({ serializeAs: null })
  declare tokenHash: string | null

  @column()
  declare userId: string | null

  @column.dateTime()
  declare lastSeenAt: DateTime | null

  @column()
  declare viewCount: number

  @belongsTo(() => Gallery)
  declare gallery: BelongsTo<typeof Gallery>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @hasMany(() => PhotoFavorite)
  declare favorites: HasMany<typeof PhotoFavorite>

  static hashToken(token: string) {
    return createHash('sha256').update(token).digest('hex')
  }

  touch(now: DateTime = DateTime.now()) {
    this.lastSeenAt = now
    return this.save()
  }
}
