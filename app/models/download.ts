import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import GalleryVisitor from '#models/gallery_visitor'
import Photo from '#models/photo'
import User from '#models/user'

export const DOWNLOAD_VARIANTS = ['original', 'web', 'watermarked'] as const
export type DownloadVariant = (typeof DOWNLOAD_VARIANTS)[number]

/** One photo download, kept for the studio's delivery tracking (the IP only hashed). */
export default class Download extends AppModel {
  @column()
  declare photoId: string

  @column()
  declare userId: string | null

  @column()
  declare galleryVisitorId: string | null

  @column()
  declare variant: DownloadVariant

  @column({ serializeAs: null })
  declare ipHash: string | null

  @belongsTo(() => Photo)
  declare photo: BelongsTo<typeof Photo>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => GalleryVisitor)
  declare galleryVisitor: BelongsTo<typeof GalleryVisitor>
}
