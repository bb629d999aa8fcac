import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import type Photo from '#models/photo'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { PhotoFavoriteFactory } from '#database/factories/photo_favorite_factory'
import { DownloadFactory } from '#database/factories/download_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { photographerOf } from '#tests/support/studio'

const FIRST_SEEN = DateTime.fromISO('2026-11-02T09:15:00Z')
const LAST_SEEN = DateTime.fromISO('2026-11-20T18:40:00Z')

/**
 * A family's gallery with two visitors: the family itself (3 views, 1 favourite, 2
 * downloads) and grandma (5 views, 2 favourites, 1 download), 4 failed code attempts,
 * and a download by the studio, which is nobody's delivery.
 */
async function galleryWithActivity() {
  const family = await UserFactory.merge({ email: 'parent@example.com' }).create()
  const photoSession = await PhotoSessionFactory.merge({ userId: family.id }).create()
  const gallery = await GalleryFactory.apply('published')
    .merge({ photoSessionId: photoSession.id, name: 'Lindqvist summer', failedAccessAttempts: 4, viewCount: 8, downloadCount: 3 })
    .create()
  const photos: Photo[] = []
  for (const name of ['beach.jpg', 'dunes.jpg', 'pier.jpg']) {
    const asset = await MediaAssetFactory.merge({ originalFilename: name }).create()
    photos.push(await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id, sortOrder: photos.length }).create())
  }

  const own = await GalleryVisitor.create({
    galleryId: gallery.id,
    email: family.email!,
    userId: family.id,
    viewCount: 3,
    createdAt: FIRST_SEEN,
    lastSeenAt: LAST_SEEN,
  })
  const grandma = await GalleryVisitor.create({
    galleryId: gallery.id,
    email: 'grandma@example.com',
    viewCount: 5,
    createdAt: FIRST_SEEN.plus({ days: 1 }),
    lastSeenAt: LAST_SEEN.minus({ days: 1 }),
  })
  await PhotoFavoriteFactory.merge({ photoId: photos[0].id, galleryVisitorId: own.id }).create()
  await PhotoFavoriteFactory.merge({ photoId: photos[0].id, galleryVisitorId: grandma.id }).create()
  await PhotoFavoriteFactory.merge({ photoId: photos[1].id, galleryVisitorId: grandma.id }).create()
  await DownloadFactory.merge({ photoId: photos[0].id, galleryVisitorId: own.id, userId: family.id, variant: 'original' }).create()
  await DownloadFactory.merge({ photoId: photos[0].id, galleryVisitorId: grandma.id, variant: 'web' }).create()
  await DownloadFactory.merge({ photoId: photos[1].id, galleryVisitorId: own.id, userId: family.id, variant: 'web' }).create()
  const photographer = await UserFactory.apply('photographer').create()
  await DownloadFactory.merge({ photoId: photos[2].id, userId: photographer.id, variant: 'original' }).create()
  return { family, gallery, photos }
}

/** The text of each cell of the table row mentioning `needle`. */
function rowOf(html: string, needle: string) {
  const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => match[1]).find((cells) => cells.includes(needle))
  if (!row) throw new Error(`No table row mentions ${needle}`)
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
}

/** The number shown on the totals card titled `title`. */
function stat(html: string, title: string) {
  const match = html.match(new RegExp(`card__title">${title}</h2>\\s*<p class="stat">(\\d+)</p>`))
  if (!match) throw new Error(`No "${title}" card`)
  return Number(match[1])
}

function portalUrl(gallery: Gallery) {
  return `/portal/galleries/${gallery.id}/access-log`
}

function adminUrl(gallery: Gallery) {
  return `/admin/galleries/${gallery.id}/access-log`
}

test.group('Gallery access log: the family', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the family sees who entered, when, and what each visitor did', async ({ client, assert }) => {
    const { family, gallery } = await galleryWithActivity()
    const response = await client.get(portalUrl(gallery)).loginAs(family)
    response.assertStatus(200)
    response.assertTextIncludes('Who visited Lindqvist summer')
    const html = response.text()

    assert.deepEqual(rowOf(html, 'parent@example.com'), [
      'parent@example.com Family',
      FIRST_SEEN.toLocaleString(DateTime.DATETIME_MED),
      LAST_SEEN.toLocaleString(DateTime.DATETIME_MED),
      '3',
      '1',
      '2',
    ])
    const grandma = rowOf(html, 'grandma@example.com')
    assert.equal(grandma[0], 'grandma@example.com', 'no family badge for a guest')
    assert.deepEqual(grandma.slice(3), ['5', '2', '1'])
    assert.isBelow(html.indexOf('parent@example.com'), html.indexOf('grandma@example.com'), 'most recently seen first')

    assert.equal(stat(html, 'Visitors'), 2)
    assert.equal(stat(html, 'Views'), 8)
    assert.equal(stat(html, 'Favourites'), 3)
    assert.equal(stat(html, 'Downloads'), 3)
    assert.equal(stat(html, 'Failed code attempts'), 4)
    assert.include(html, `href="/portal/galleries"`, 'breadcrumbs lead back to the galleries')
    assert.include(html, `href="/g/${gallery.slug}"`)
  })

  test('a gallery nobody entered yet says so', async ({ client }) => {
    const family = await UserFactory.create()
    const photoSession = await PhotoSessionFactory.merge({ userId: family.id }).create()
    const gallery = await GalleryFactory.apply('published').merge({ photoSessionId: photoSession.id }).create()
    const response = await client.get(portalUrl(gallery)).loginAs(family)
    response.assertStatus(200)
    response.assertTextIncludes('Nobody has entered yet')
  })

  test("another family gets a 404 for a gallery that isn't theirs", async ({ client, assert }) => {
    const { gallery } = await galleryWithActivity()
    const stranger = await UserFactory.create()
    const response = await client.get(portalUrl(gallery)).loginAs(stranger)
    response.assertStatus(404)
    assert.notInclude(response.text(), 'grandma@example.com')
    assert.notInclude(response.text(), gallery.name)
  })

  test('a gallery of no photo session belongs to no family: 404', async ({ client }) => {
    const gallery = await GalleryFactory.apply('published').create()
    const customer = await UserFactory.create()
    ;(await client.get(portalUrl(gallery)).loginAs(customer)).assertStatus(404)
  })

  test('a mistyped gallery id is a 404, not an error', async ({ client }) => {
    const customer = await UserFactory.create()
    ;(await client.get('/portal/galleries/not-a-uuid/access-log').loginAs(customer)).assertStatus(404)
  })

  test('signed out, the log asks for a sign-in', async ({ client }) => {
    const { gallery } = await galleryWithActivity()
    const response = await client.get(portalUrl(gallery)).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})

test.group('Gallery access log: the studio', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['admin', 'photographer', 'staff'] as const) {
    test(`${role}: sees the visitors and the downloads per photo`, async ({ client, assert }) => {
      const { gallery } = await galleryWithActivity()
      const user: User = role === 'photographer' ? await photographerOf(gallery) : await UserFactory.apply(role).create()
      const response = await client.get(adminUrl(gallery)).loginAs(user)
      response.assertStatus(200)
      const html = response.text()
      response.assertTextIncludes('Access log · Lindqvist summer')
      assert.deepEqual(rowOf(html, 'grandma@example.com').slice(3), ['5', '2', '1'])
      assert.equal(stat(html, 'Failed code attempts'), 4)

      // Downloads per photo: the family's and visitors', not the studio's own check of pier.jpg.
      assert.deepEqual(rowOf(html, 'beach.jpg'), ['beach.jpg', '2', '1'])
      assert.deepEqual(rowOf(html, 'dunes.jpg'), ['dunes.jpg', '1', '0'])
      assert.notInclude(html, 'pier.jpg')
      assert.isBelow(html.indexOf('beach.jpg'), html.indexOf('dunes.jpg'), 'most downloaded first')

      assert.include(html, 'aria-label="Gallery views per visitor"')
      assert.include(html, 'aria-label="Downloads per visitor"')
    })
  }

  test('a customer on the studio page is refused, even the family that owns the gallery', async ({ client, assert }) => {
    const { family, gallery } = await galleryWithActivity()
    const response = await client.get(adminUrl(gallery)).loginAs(family)
    response.assertStatus(403)
    response.assertTextIncludes('You do not have access to this page.')
    assert.notInclude(response.text(), 'grandma@example.com')
  })

  test('an unknown gallery is a 404 for the studio', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    ;(await client.get('/admin/galleries/0b9a3f8e-7f4e-4a8e-9d1c-2f6b1a0c9e11/access-log').loginAs(admin)).assertStatus(404)
  })
})
