import factory from '@adonisjs/lucid/factories'
import PhotoFavorite from '#models/photo_favorite'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent, willCreate } from '#database/factories/support/parent'

/** The photo is made when not given; so is a user unless a gallery visitor is given. */
export const PhotoFavoriteFactory = factory
  .define(PhotoFavorite, () => ({}))
  .before('create', async (builder, favorite, ctx) => {
    favorite.photoId = (await ensureParent(builder, 'photo', favorite.photoId, () =>
      PhotoFactory.query().useCtx(ctx).create()
    ))!
    if (favorite.galleryVisitorId || willCreate(builder, 'galleryVisitor')) return
    favorite.userId = (await ensureParent(builder, 'user', favorite.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .relation('photo', () => PhotoFactory)
  .relation('user', () => UserFactory)
  .relation('galleryVisitor', () => GalleryVisitorFactory)
  .build()
