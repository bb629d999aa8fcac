import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { sqlTime } from '#support/db/sql_time'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { visitorCookieName } from '#controllers/site/gallery_access'
import { resetRateLimits } from '#tests/support/throttle'
import { createFamilyGallery, createVisitor, visitorTokenFrom } from '#tests/support/family_gallery'
import NameGalleryVisitor from '#actions/galleries/name_gallery_visitor'

const path = (gallery: Gallery) => `/g/${gallery.slug}`

async function sharedGallery() {
  const made = await createFamilyGallery()
  made.gallery.publicShareEnabled = true
  await made.gallery.save()
  return made
}

test.group('Gallery share links: the visitor who gives an email later', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('giving an email names the share-link visitor: one row, and the heart is kept under it', async ({ client, assert }) => {
    const { gallery, photos } = await sharedGallery()
    const opened = await client.get(`${path(gallery)}/share/${gallery.shareToken}`).redirects(0)
    const pass = visitorTokenFrom(opened, gallery)!
    const cookie = [visitorCookieName(gallery), pass] as const

    // The browser sends its pass with the email step, as a real one does.
    const named = await client.post(`${path(gallery)}/visitors`).form({ email: 'Friend@Example.com' }).withEncryptedCookie(...cookie).withSession(opened.session()).withCsrfToken().redirects(0)
    named.assertStatus(303)
    assert.equal(named.header('location'), path(gallery))

    const rows = await GalleryVisitor.query().where('galleryId', gallery.id)
    assert.deepEqual(rows.map((v) => v.email), ['friend@example.com'])
    const heart = await client.post(`${path(gallery)}/photos/${photos[0].id}/favorite`).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    heart.assertStatus(200)
    assert.lengthOf(await db.from('photo_favorites').where('gallery_visitor_id', rows[0].id), 1)
  })

  test('an email the gallery already knows merges the share-link visitor into that visitor, favourites and downloads kept', async ({ client, assert }) => {
    const { gallery, photos } = await sharedGallery()
    const { visitor: known } = await createVisitor(gallery, 'grandma@example.com')
    await client.post(`${path(gallery)}/photos/${photos[1].id}/favorite`).withEncryptedCookie(...(await createVisitor(gallery, 'grandma@example.com')).cookie).withCsrfToken().redirects(0)
    const opened = await client.get(`${path(gallery)}/share/${gallery.shareToken}`).redirects(0)
    const cookie = [visitorCookieName(gallery), visitorTokenFrom(opened, gallery)!] as const
    const anonymous = await GalleryVisitor.query().where('galleryId', gallery.id).whereNull('email').firstOrFail()
    const now = sqlTime(DateTime.now())
    await db.table('downloads').insert({ id: randomUUID(), photo_id: photos[2].id, gallery_visitor_id: anonymous.id, variant: 'web', created_at: now, updated_at: now })

    const named = await client.post(`${path(gallery)}/visitors`).form({ email: 'grandma@example.com' }).withEncryptedCookie(...cookie).withSession(opened.session()).withCsrfToken().redirects(0)
    named.assertStatus(303)

    const rows = await GalleryVisitor.query().where('galleryId', gallery.id)
    assert.deepEqual(rows.map((v) => v.id), [known.id], 'the share-link row is merged away')
    // The same browser is now grandma: her earlier heart shows and a new one adds to it.
    const grid = await client.get(`${path(gallery)}?filter=favorites`).withEncryptedCookie(...cookie)
    grid.assertStatus(200)
    await client.post(`${path(gallery)}/photos/${photos[0].id}/favorite`).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    const hearts = await db.from('photo_favorites').where('gallery_visitor_id', known.id).orderBy('photo_id')
    assert.sameMembers(hearts.map((h) => h.photo_id), [photos[0].id, photos[1].id])
    assert.lengthOf(await db.from('downloads').where('gallery_visitor_id', known.id), 1, 'the download counts under grandma')
  })

  test('two email steps racing for one share-link visitor leave one row with the email', async ({ assert }) => {
    const { gallery } = await sharedGallery()
    const anonymous = await GalleryVisitor.anonymous(gallery)
    const results = await Promise.all([
      NameGalleryVisitor.handle(gallery, anonymous, 'friend@example.com'),
      NameGalleryVisitor.handle(gallery, await GalleryVisitor.findOrFail(anonymous.id), 'friend@example.com'),
    ])
    const rows = await GalleryVisitor.query().where('galleryId', gallery.id)
    assert.deepEqual(rows.map((v) => v.email), ['friend@example.com'])
    assert.deepEqual(results.map((v) => v.id), [rows[0].id, rows[0].id])
  })
})
