import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import GalleryVisitor from '#models/gallery_visitor'
import Photo from '#models/photo'
import User from '#models/user'

/** A photo picked by a signed-in user or by a gallery visitor (exactly one of them). */
export default class PhotoFavorite extends AppModel {
  @column()
  declare photoId: string

  @column()
  declare userId: string | null

  @column()
  declare galleryVisitorId: string | null

  @belongsTo(() => Photo)
  declare photo: BelongsTo<typeof Photo>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => GalleryVisitor)
  declare galleryVisitor: BelongsTo<typeof GalleryVisitor>
}
