import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import GalleryVisitor from '#models/gallery_visitor'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

export const GalleryVisitorFactory = factory
  .define(GalleryVisitor, ({ faker }) => ({
    email: faker.internet.email().toLowerCase(),
    lastSeenAt: DateTime.now(),
  }))
  .before('create', async (builder, model, ctx) => {
    model.galleryId = (await ensureParent(builder, 'gallery', model.galleryId, () =>
      GalleryFactory.query().useCtx(ctx).create()
    ))!
  })
  .relation('gallery', () => GalleryFactory)
  .relation('user', () => UserFactory)
  .build()
