import factory from '@adonisjs/lucid/factories'
import { createHash } from 'node:crypto'
import Download from '#models/download'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

export const DownloadFactory = factory
  .define(Download, ({ faker }) => ({
    variant: 'original' as const,
    ipHash: createHash('sha256').update(faker.internet.ipv4()).digest('hex'),
  }))
  .before('create', async (builder, model, ctx) => {
    model.photoId = (await ensureParent(builder, 'photo', model.photoId, () =>
      PhotoFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('web', (download) => (download.variant = 'web'))
  .relation('photo', () => PhotoFactory)
  .relation('user', () => UserFactory)
  .relation('galleryVisitor', () => GalleryVisitorFactory)
  .build()
