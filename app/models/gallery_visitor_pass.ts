import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import GalleryVisitor from '#models/gallery_visitor'

/**
 * What keeps one browser inside a gallery: the cookie holds the token, this row its hash
 * and the gallery's access version when it was issued. Each browser has its own, so
 * letting one in never signs another out.
 */
export default class GalleryVisitorPass extends AppModel {
  static table = 'gallery_visitor_passes'

  @column()
  declare galleryVisitorId: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare accessVersion: number

  @belongsTo(() => GalleryVisitor)
  declare visitor: BelongsTo<typeof GalleryVisitor>
}
