import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import sharp from 'sharp'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import type Photo from '#models/photo'
import { UserFactory } from '#database/factories/user_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { mediaUrl } from '#services/media/media_urls'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'
import { sqlTime } from '#support/db/sql_time'

const folders: string[] = []

/** A photo whose derivatives are really on the test disk. */
async function storedPhoto(gallery: Gallery, sortOrder = 0) {
  const id = randomUUID()
  const folder = `media/${id}`
  folders.push(folder)
  const bytes = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#336699' } }).webp().toBuffer()
  const variants = {
    thumb: `${folder}/thumb.webp`,
    preview: `${folder}/preview.webp`,
    watermarked: `${folder}/watermarked.webp`,
    watermarkedThumb: `${folder}/watermarked_thumb.webp`,
  }
  for (const key of Object.values(variants)) await drive.use('fs').put(key, bytes)
  await MediaAssetFactory.merge({ id, key: `${folder}/original.jpg`, variants }).create()
  return PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id, sortOrder }).create()
}

/** The thumbnail URLs a visitor's page hands out, as paths. */
async function thumbnailsOnPage(client: any, gallery: Gallery, cookie: [string, string]) {
  const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
  return [...page.text().matchAll(/<img src="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'))
}

/** Runs `request` as if the clock read `seconds` later. */
async function later<T>(seconds: number, request: () => Promise<T>) {
  const realNow = Date.now
  Date.now = () => realNow() + seconds * 1000
  try {
    return await request()
  } finally {
    Date.now = realNow
  }
}

/** What the studio does that must stop a gallery's photos being served. */
const CLOSINGS: Record<string, (gallery: Gallery, photo: Photo) => Promise<unknown>> = {
  'the photo hidden': (_, photo) => db.from('photos').where('id', photo.id).update({ is_hidden: true }),
  'the photo deleted': (_, photo) => db.from('photos').where('id', photo.id).update({ deleted_at: sqlTime() }),
  'the gallery unpublished': (gallery) => db.from('galleries').where('id', gallery.id).update({ status: 'draft' }),
  'the gallery deleted': (gallery) => db.from('galleries').where('id', gallery.id).update({ deleted_at: sqlTime() }),
  'the gallery expired': (gallery) =>
    db.from('galleries').where('id', gallery.id).update({ expires_at: sqlTime(DateTime.now().minus({ minutes: 1 })) }),
}

test.group('Media URLs: closed galleries stop serving their photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(async () => {
    for (const folder of folders.splice(0)) await drive.use('fs').deleteAll(folder)
  })

  for (const [closing, close] of Object.entries(CLOSINGS)) {
    test(`${closing}: a signed URL already handed out stops working within a minute`, async ({ client, assert }) => {
      const { gallery } = await createFamilyGallery({ photos: 0, merge: { watermarkEnabled: false } })
      const photo = await storedPhoto(gallery)
      const { cookie } = await createVisitor(gallery)
      const [url] = await thumbnailsOnPage(client, gallery, cookie)
      assert.include(url, `/media/${photo.mediaAssetId}/thumb?`)
      ;(await client.get(url)).assertStatus(200)

      await close(gallery, photo)
      const afterAMinute = await later(61, () => client.get(url))
      afterAMinute.assertStatus(404)
    })
  }

  test('a grid of 20 photos costs one query for all its thumbnails, not one each', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery({ photos: 0, merge: { watermarkEnabled: false } })
    for (let index = 0; index < 20; index++) await storedPhoto(gallery, index)
    const { cookie } = await createVisitor(gallery)
    const urls = await thumbnailsOnPage(client, gallery, cookie)
    assert.lengthOf(urls, 20)

    const statements: string[] = []
    const listener = (query: { sql: string }) => statements.push(query.sql)
    const knex = db.connection().getWriteClient() as any
    knex.client.on('query', listener)
    try {
      for (const url of urls) (await client.get(url)).assertStatus(200)
    } finally {
      knex.client.off('query', listener)
    }
    assert.lengthOf(statements.filter((sql) => sql.includes('galleries')), 1)
  })

  test('a watermarked gallery serves only watermarked sizes, even to a URL signed before the watermark was on', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery({ photos: 0, merge: { watermarkEnabled: true } })
    const photo = await storedPhoto(gallery)
    const { cookie } = await createVisitor(gallery)
    const [thumb] = await thumbnailsOnPage(client, gallery, cookie)
    assert.include(thumb, '/watermarkedThumb?')
    ;(await client.get(thumb)).assertStatus(200)

    for (const plain of ['thumb', 'preview', 'web'] as const) {
      const signed = new URL(mediaUrl(photo.mediaAssetId, plain, { galleryId: gallery.id }), 'http://localhost')
      const response = await client.get(signed.pathname + signed.search)
      response.assertStatus(404)
    }
  })

  test('URLs signed for the studio serve only a signed-in studio user, drafts and hidden photos included', async ({ client }) => {
    const { gallery } = await createFamilyGallery({ photos: 0, state: 'draft' })
    const photo = await storedPhoto(gallery)
    await db.from('photos').where('id', photo.id).update({ is_hidden: true })
    const admin = await UserFactory.apply('admin').create()
    const panel = await client.get(`/admin/galleries/${gallery.id}/photos`).header('hx-request', 'true').loginAs(admin)
    const url = panel.text().match(/<img src="([^"]+)"/)![1].replace(/&amp;/g, '&')

    ;(await client.get(url).loginAs(admin)).assertStatus(200)
    ;(await client.get(url)).assertStatus(403)
    ;(await client.get(url).loginAs(await UserFactory.create())).assertStatus(403)
  })
})
