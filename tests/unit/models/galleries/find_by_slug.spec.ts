import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { preparedQueries } from '#support/db/prepared'

test.group('Gallery.findBySlug: compiled once, then run with each use’s own values', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    // As production runs it: after the first use, knex does not compile the query again.
    preparedQueries.checkEveryUse = false
    return () => {
      preparedQueries.checkEveryUse = true
    }
  })

  test('each call finds its own gallery and its own visitor, never the previous call’s', async ({ assert }) => {
    const galleries = await GalleryFactory.apply('published').createMany(3)
    const visitors = await Promise.all(galleries.map((gallery, i) => GalleryVisitor.create({ galleryId: gallery.id, email: `v${i}@example.com` })))
    const tokens = await Promise.all(visitors.map((visitor, i) => visitor.issuePass(galleries[i])))

    for (const round of [1, 2]) {
      for (const [i, gallery] of galleries.entries()) {
        const hash = GalleryVisitor.hashToken(tokens[i])
        const found = await Gallery.findBySlug(gallery.slug.toUpperCase(), [hash])
        assert.equal(found?.id, gallery.id, `round ${round}`)
        assert.equal(GalleryVisitor.joinedByPass(found!, tokens[i])?.id, visitors[i].id)
        // Another gallery's pass finds the gallery but no visitor of it.
        const other = await Gallery.findBySlug(gallery.slug, [GalleryVisitor.hashToken(tokens[(i + 1) % 3])])
        assert.equal(other?.id, gallery.id)
        assert.isNull(GalleryVisitor.joinedByPass(other!, tokens[i]) ?? null)
      }
      assert.isNull(await Gallery.findBySlug('no-such-gallery', []))
      assert.equal((await Gallery.findBySlug(galleries[1].slug))?.id, galleries[1].id)
    }
  })
})
