import { test } from '@japa/runner'
import { Template } from 'edge.js'
import fs from 'node:fs'
import drive from '@adonisjs/drive/services/main'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import type Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { PHOTOS_PER_PAGE } from '#actions/galleries/list_gallery_photos'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'
import { gradientJpeg } from '#tests/support/images'
import { recordQueries } from '#tests/support/queries'

/** The photo ids of the visitor's grid, in the order shown. */
async function gridOf(client: ApiClient, gallery: Gallery, cookie: [string, string]) {
  const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
  page.assertStatus(200)
  return [...page.text().matchAll(/id="fav-([0-9a-f-]{36})"/g)].map((match) => match[1])
}

/** A gallery with its family's visitor pass, its grid already viewed once (the list cached). */
async function viewedGallery(client: ApiClient, photos = 3) {
  const setup = await createFamilyGallery({ photos, includedPhotos: 100 })
  const { cookie } = await createVisitor(setup.gallery)
  const admin = await UserFactory.apply('admin').create()
  const ids = await gridOf(client, setup.gallery, cookie)
  return { ...setup, cookie, admin, ids }
}

test.group('Gallery page: the cached photo list follows every change at once', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an uploaded photo shows as soon as it is processed', async ({ client, assert }) => {
    const { gallery, cookie, admin, ids } = await viewedGallery(client)
    const upload = await client
      .post(`/admin/galleries/${gallery.id}/photos`)
      .header('accept', 'application/json')
      .loginAs(admin)
      .withCsrfToken()
      .file('file', await gradientJpeg(320, 240), { filename: 'new.jpg' })
    upload.assertStatus(201)
    const photo = await Photo.findOrFail(upload.body().photo.id)
    assert.deepEqual(await gridOf(client, gallery, cookie), ids, 'not shown while processing')

    assert.equal(await new JobWorker().drain(), 1)
    assert.deepEqual(await gridOf(client, gallery, cookie), [...ids, photo.id])
    const asset = await MediaAsset.findOrFail(photo.mediaAssetId)
    for (const key of [asset.key, ...Object.values(asset.variants ?? {})]) await drive.use().delete(key)
  })

  test('a new order shows at once', async ({ client, assert }) => {
    const { gallery, cookie, admin, ids } = await viewedGallery(client)
    const order = [ids[2], ids[0], ids[1]]
    const response = await client
      .put(`/admin/galleries/${gallery.id}/photo-order`)
      .json({ photoIds: order })
      .header('accept', 'application/json')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    assert.deepEqual(await gridOf(client, gallery, cookie), order)
  })

  test('a hidden photo goes at once, and comes back when shown again', async ({ client, assert }) => {
    const { gallery, cookie, admin, ids } = await viewedGallery(client)
    const url = `/admin/galleries/${gallery.id}/photos/${ids[1]}`
    ;(await client.patch(url).form({ isHidden: 'true' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()).assertStatus(200)
    assert.deepEqual(await gridOf(client, gallery, cookie), [ids[0], ids[2]])
    ;(await client.patch(url).form({ isHidden: 'false' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()).assertStatus(200)
    assert.deepEqual(await gridOf(client, gallery, cookie), ids)
  })

  test('publishing again shows the gallery as it is now', async ({ client, assert }) => {
    const { gallery, admin, ids } = await viewedGallery(client)
    ;(await client.delete(`/admin/galleries/${gallery.id}/publication`).loginAs(admin).withCsrfToken()).assertRedirectsTo(
      `/admin/galleries/${gallery.id}`
    )
    // A change made while it was a draft, by whatever means.
    await db.from('photos').where('id', ids[0]).update({ sort_order: 99 })
    ;(await client.post(`/admin/galleries/${gallery.id}/publication`).loginAs(admin).withCsrfToken()).assertRedirectsTo(
      `/admin/galleries/${gallery.id}`
    )
    // Unpublishing ended every pass: the visitor enters again.
    await gallery.refresh()
    const { cookie } = await createVisitor(gallery)
    assert.deepEqual(await gridOf(client, gallery, cookie), [ids[1], ids[2], ids[0]])
  })
})

test.group('Gallery page: cost of a view', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a repeat view is one query (the gallery with the visitor holding the pass), the same for 5 and 65 photos', async ({ client, assert }) => {
    const counts: number[] = []
    for (const photos of [5, PHOTOS_PER_PAGE + 5]) {
      const { gallery, cookie } = await viewedGallery(client, photos)
      const queries = recordQueries()
      try {
        await gridOf(client, gallery, cookie)
      } finally {
        queries.stop()
      }
      counts.push(queries.sql.length)
      // The photo list and the visitor's favourites come from the caches on a repeat view.
      assert.notMatch(queries.sql.join('\n'), /from "photos"|from "photo_favorites"/)
    }
    assert.deepEqual(counts, [1, 1])
  })

  test('a column added by a migration under the running server leaves the page working (its prepared query names its columns)', async ({ client, assert }) => {
    const { gallery, cookie, ids } = await viewedGallery(client, 3)
    await db.rawQuery('ALTER TABLE galleries ADD COLUMN added_meanwhile integer')
    assert.deepEqual(await gridOf(client, gallery, cookie), ids)
    assert.deepEqual(await gridOf(client, gallery, cookie), ids)
  })

  test('a tile weighs under 850 bytes of HTML, downloads and heart included', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, PHOTOS_PER_PAGE)
    await db.from('galleries').where('id', gallery.id).update({ download_enabled: true })
    const html = (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text()
    const tiles = html.slice(html.indexOf('<li class="photo '), html.lastIndexOf('</li>') + 5)
    const count = tiles.split('<li class="photo ').length - 1
    assert.equal(count, PHOTOS_PER_PAGE)
    assert.isBelow(tiles.length / count, 850)
  })

  test('a tile draws its heart with the stylesheet: no <svg> in any tile', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, 3)
    const html = (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text()
    const tiles = html.slice(html.indexOf('<li class="photo '), html.lastIndexOf('</li>') + 5)
    assert.equal(tiles.split('class="fav__button"').length - 1, 3)
    assert.notInclude(tiles, '<svg')
  })

  test('a page view renders its two layouts as components and nothing else (no component state copied per part)', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, 3)
    await db.from('galleries').where('id', gallery.id).update({ download_enabled: true })
    const getComponentState = Template.prototype.getComponentState
    const components: unknown[] = []
    Template.prototype.getComponentState = function (this: Template, ...args: Parameters<Template['getComponentState']>) {
      components.push(args[0])
      return getComponentState.apply(this, args)
    }
    try {
      const html = (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text()
      assert.include(html, 'Download all (3)')
      assert.include(html, 'id="selection-bar"')
    } finally {
      Template.prototype.getComponentState = getComponentState
    }
    assert.lengthOf(components, 2)
  })

  test('a visitor who is not signed in costs no authentication failure (no exception built)', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client)
    let failures = 0
    const listener = () => failures++
    emitter.on('session_auth:authentication_failed', listener)
    try {
      await gridOf(client, gallery, cookie)
    } finally {
      emitter.off('session_auth:authentication_failed', listener)
    }
    assert.equal(failures, 0)
  })
})

test.group('Gallery page: no file-system work', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a page view asks the disk nothing, while public files are still served', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client)
    const stat = fs.stat
    let stats = 0
    fs.stat = ((...args: Parameters<typeof stat>) => {
      stats++
      return (stat as any)(...args)
    }) as typeof stat
    try {
      await gridOf(client, gallery, cookie)
      assert.equal(stats, 0)
      const css = await client.get('/css/gallery.css')
      css.assertStatus(200)
      assert.isAbove(stats, 0)
    } finally {
      fs.stat = stat
    }
  })
})

test.group('Gallery page: cached tiles', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a tile follows the viewer's own heart and the gallery's new name at once", async ({ client, assert }) => {
    const { gallery, cookie, ids } = await viewedGallery(client)
    const page = () => client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    const heart = (html: string) => html.match(new RegExp(`id="fav-${ids[0]}"[^>]*aria-pressed="(true|false)"`))?.[1]
    assert.equal(heart((await page()).text()), 'false')

    const tap = await client.post(`/g/${gallery.slug}/photos/${ids[0]}/favorite`).withEncryptedCookie(...cookie).header('hx-request', 'true').withCsrfToken()
    tap.assertStatus(200)
    const after = (await page()).text()
    assert.equal(heart(after), 'true')

    // Another visitor's view of the same photo keeps its own heart.
    const { cookie: other } = await createVisitor(gallery, 'uncle@example.com')
    const theirs = (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...other)).text()
    assert.equal(heart(theirs), 'false')

    await db.from('photos').whereIn('id', ids).update({ alt_text: null })
    await db.from('galleries').where('id', gallery.id).update({ photos_version: 99 })
    assert.include((await page()).text(), `alt="Photo 1 of ${gallery.name}"`)
    await db.from('galleries').where('id', gallery.id).update({ name: 'Summer at the lake' })
    assert.include((await page()).text(), 'alt="Photo 1 of Summer at the lake"')
  })
})
