import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import GalleryVisitor from '#models/gallery_visitor'
import PhotoFavorite from '#models/photo_favorite'
import { visitorCookieName } from '#controllers/site/gallery_access'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'
import { photographerOf } from '#tests/support/studio'

test.group('Gallery rules: who reaches what', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a signed-in customer never reaches another family’s photos, downloads or access log', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery()
    const stranger = await UserFactory.create()

    const page = await client.get(`/g/${gallery.slug}`).loginAs(stranger)
    page.assertTextIncludes('This gallery is private')
    assert.notInclude(page.text(), 'photo-grid')
    for (const photo of photos) assert.notInclude(page.text(), photo.mediaAssetId)

    const favorite = await client.post(`/g/${gallery.slug}/photos/${photos[0].id}/favorite`).loginAs(stranger).withCsrfToken().redirects(0)
    favorite.assertStatus(404)
    const link = await client.post(`/g/${gallery.slug}/photos/${photos[0].id}/download-links`).loginAs(stranger).withCsrfToken().redirects(0)
    link.assertStatus(404)
    const archive = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all' }).loginAs(stranger).redirects(0)
    archive.assertStatus(404)
    const log = await client.get(`/portal/galleries/${gallery.id}/access-log`).loginAs(stranger)
    log.assertStatus(404)
    assert.lengthOf(await PhotoFavorite.all(), 0)
  })

  test('a visitor of gallery A is locked out of gallery B', async ({ client, assert }) => {
    const a = await createFamilyGallery()
    const b = await createFamilyGallery()
    const { cookie } = await createVisitor(a.gallery)

    const inA = await client.get(`/g/${a.gallery.slug}`).withEncryptedCookie(...cookie)
    inA.assertTextIncludes('photo-grid')

    // A's token, even under B's cookie name, opens nothing there.
    const inB = await client.get(`/g/${b.gallery.slug}`).withEncryptedCookie(...cookie).withEncryptedCookie(visitorCookieName(b.gallery), cookie[1])
    inB.assertStatus(200)
    inB.assertTextIncludes('This gallery is private')
    assert.notInclude(inB.text(), 'photo-grid')

    const favorite = await client
      .post(`/g/${b.gallery.slug}/photos/${b.photos[0].id}/favorite`)
      .withEncryptedCookie(visitorCookieName(b.gallery), cookie[1])
      .withCsrfToken()
      .redirects(0)
    favorite.assertStatus(404)
    const selection = await client.post(`/g/${b.gallery.slug}/selection`).withEncryptedCookie(visitorCookieName(b.gallery), cookie[1]).withCsrfToken().redirects(0)
    selection.assertStatus(404)
  })

  test('the owning family, signed in, goes straight in without the code', async ({ client, assert }) => {
    const { family, gallery } = await createFamilyGallery({ photos: 2 })
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes('photo-grid')
    page.assertTextIncludes(`href="/portal/galleries/${gallery.id}/access-log"`)
    page.assertTextIncludes('Submit selection')
    const visitor = await GalleryVisitor.query().where('galleryId', gallery.id).firstOrFail()
    assert.equal(visitor.userId, family.id)
  })

  test('the studio previews any gallery, even a draft; a customer gets 404 for it', async ({ client }) => {
    const { gallery, family } = await createFamilyGallery({ state: 'draft' })
    for (const role of ['admin', 'photographer', 'staff'] as const) {
      const user = role === 'photographer' ? await photographerOf(gallery) : await UserFactory.apply(role).create()
      const page = await client.get(`/g/${gallery.slug}`).loginAs(user)
      page.assertStatus(200)
      page.assertTextIncludes('Studio preview')
      page.assertTextIncludes('photo-grid')
    }
    const customer = await client.get(`/g/${gallery.slug}`).loginAs(family)
    customer.assertStatus(404)
  })

  test('the studio sees an expired gallery; the family sees the expired page', async ({ client }) => {
    const { gallery, family } = await createFamilyGallery({ state: 'expired' })
    const admin = await UserFactory.apply('admin').create()
    const preview = await client.get(`/g/${gallery.slug}`).loginAs(admin)
    preview.assertStatus(200)
    preview.assertTextIncludes('photo-grid')
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(410)
    page.assertTextIncludes('This gallery has expired')
  })
})

test.group('Gallery rules: downloads and watermarks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('download buttons appear only when the gallery allows downloads', async ({ client, assert }) => {
    const on = await createFamilyGallery({ merge: { downloadEnabled: true } })
    const withDownloads = await client.get(`/g/${on.gallery.slug}`).loginAs(on.family)
    withDownloads.assertTextIncludes('Download all (3)')
    withDownloads.assertTextIncludes(`data-download-url="/g/${on.gallery.slug}/photos/00000000-0000-0000-0000-000000000000/download-links"`)

    const off = await createFamilyGallery({ merge: { downloadEnabled: false } })
    const without = await client.get(`/g/${off.gallery.slug}`).loginAs(off.family)
    without.assertStatus(200)
    assert.notInclude(without.text(), 'Download all')
    assert.notInclude(without.text(), 'download-links')
  })

  test('a watermarked gallery never hands out the clean preview', async ({ client, assert }) => {
    const { gallery, family, photos } = await createFamilyGallery({ merge: { watermarkEnabled: true } })
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    for (const photo of photos) assert.notInclude(page.text(), `/media/${photo.mediaAssetId}/preview`)

    const clean = await createFamilyGallery({ merge: { watermarkEnabled: false } })
    const cleanPage = await client.get(`/g/${clean.gallery.slug}`).loginAs(clean.family)
    assert.include(cleanPage.text(), `/media/${clean.photos[0].mediaAssetId}/preview`)
  })
})

test.group('Gallery rules: the portal list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a family sees its own published and expired galleries, with count and expiry, and nobody else’s', async ({ client, assert }) => {
    const { family, photoSession, gallery } = await createFamilyGallery({ photos: 3 })
    const expired = await GalleryFactory.apply('expired').merge({ photoSessionId: photoSession.id, name: 'Old summer session' }).create()
    const draft = await GalleryFactory.merge({ photoSessionId: photoSession.id, name: 'Still being edited' }).create()
    const other = await createFamilyGallery()

    const response = await client.get('/portal/galleries').loginAs(family)
    response.assertStatus(200)
    response.assertTextIncludes(gallery.name)
    response.assertTextIncludes('3 photos')
    response.assertTextIncludes(`open until ${gallery.expiresAt!.toFormat('d LLLL yyyy')}`)
    response.assertTextIncludes(expired.name)
    response.assertTextIncludes('Expired')
    assert.notInclude(response.text(), draft.name)
    assert.notInclude(response.text(), other.gallery.name)
    assert.include(response.text(), `href="/g/${gallery.slug}"`)
  })

  test('the portal nav and dashboard lead to the galleries', async ({ client }) => {
    const family = await UserFactory.create()
    const dashboard = await client.get('/portal').loginAs(family)
    dashboard.assertTextIncludes('href="/portal/galleries"')
    const empty = await client.get('/portal/galleries').loginAs(family)
    empty.assertTextIncludes('No galleries yet')
  })

  test('the portal list is for customers only', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const refused = await client.get('/portal/galleries').loginAs(staff)
    refused.assertStatus(403)
    const anonymous = await client.get('/portal/galleries').redirects(0)
    anonymous.assertStatus(302)
  })
})
