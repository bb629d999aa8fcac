import { test } from '@japa/runner'
import { Template } from 'edge.js'
import fs from 'node:fs'
import drive from '@adonisjs/drive/services/main'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient, ApiResponse } from '@japa/api-client'
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

test.group('Gallery page: a viewer is served their own kept page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** Counts the Edge components rendered while `run` runs (two layouts a rendered page). */
  async function componentsDuring(run: () => Promise<unknown>) {
    const getComponentState = Template.prototype.getComponentState
    let count = 0
    Template.prototype.getComponentState = function (this: Template, ...args: Parameters<Template['getComponentState']>) {
      count++
      return getComponentState.apply(this, args)
    }
    try {
      await run()
    } finally {
      Template.prototype.getComponentState = getComponentState
    }
    return count
  }

  const nonceOf = (response: ApiResponse) => response.header('content-security-policy')!.match(/'nonce-([^']+)'/)![1]

  test('a repeat view is not rendered again, and carries this response’s own nonce and CSRF token', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, 3)
    const first = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    let again!: ApiResponse
    assert.equal(await componentsDuring(async () => (again = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie))), 0)
    again.assertStatus(200)
    assert.equal(again.header('content-type'), 'text/html; charset=utf-8')
    const [nonce, previous] = [nonceOf(again), nonceOf(first)]
    assert.notEqual(nonce, previous)
    assert.include(again.text(), `nonce="${nonce}"`)
    assert.notInclude(again.text(), previous)
    const token = (html: string) => html.match(/name='_csrf' value='([^']+)'/)![1]
    assert.notEqual(token(again.text()), token(first.text()))
    // Everything else is the same page.
    const bare = (html: string, response: ApiResponse) => html.replaceAll(nonceOf(response), '').replaceAll(token(html), '')
    assert.equal(bare(again.text(), again), bare(first.text(), first))
  })

  test('a browser that takes gzip gets the page gzipped (~57 KB of tiles in a fraction), one that does not gets it plain', async ({ client, assert }) => {
    const { gallery, cookie, ids } = await viewedGallery(client, PHOTOS_PER_PAGE)
    for (const view of ['rendered', 'kept']) {
      if (view === 'rendered') await db.from('galleries').where('id', gallery.id).update({ description: 'A sunny day' })
      const zipped = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie).header('accept-encoding', 'gzip, deflate, br')
      assert.equal(zipped.header('content-encoding'), 'gzip', view)
      assert.include(zipped.header('vary')!, 'Accept-Encoding')
      assert.isBelow(Number(zipped.header('content-length')), zipped.text().length / 4, view)
      assert.include(zipped.text(), `id="fav-${ids[PHOTOS_PER_PAGE - 1]}"`)
      assert.include(zipped.text(), `nonce="${nonceOf(zipped)}"`)
      const plain = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie).header('accept-encoding', 'identity')
      assert.isUndefined(plain.header('content-encoding'))
      assert.include(plain.text(), 'A sunny day')
    }
  })

  test('a change to what the page shows renders it afresh: the studio turns downloads off and on', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, 3)
    const page = async () => (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text()
    assert.include(await page(), 'Download all (3)')
    await db.from('galleries').where('id', gallery.id).update({ download_enabled: false })
    assert.notInclude(await page(), 'Download all')
    assert.include(await page(), 'Downloads are turned off')
    await db.from('galleries').where('id', gallery.id).update({ download_enabled: true })
    assert.include(await page(), 'Download all (3)')
  })

  test('a change read with the gallery (its session moved to another day) renders it afresh', async ({ client, assert }) => {
    const { gallery, cookie, photoSession } = await viewedGallery(client, 3)
    const page = async () => (await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text()
    await page()
    await db.from('photo_sessions').where('id', photoSession.id).update({ starts_at: '2031-03-09 10:00:00' })
    assert.include(await page(), '9 March 2031')
  })

  test('a changed entry code locks out at once the visitor whose page was kept', async ({ client, assert }) => {
    const { gallery, cookie, ids } = await viewedGallery(client, 3)
    assert.deepEqual(await gridOf(client, gallery, cookie), ids)
    await db.from('galleries').where('id', gallery.id).update({ access_version: gallery.accessVersion + 1 })
    const locked = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    assert.notInclude(locked.text(), `id="fav-${ids[0]}"`)
  })

  test('a flash message shows once: it is neither kept nor replaced by the kept page', async ({ client, assert }) => {
    const { gallery, cookie } = await viewedGallery(client, 3)
    await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    const flashed = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie).withSession({ __flash__: { success: 'Your selection is on its way' } })
    assert.include(flashed.text(), 'Your selection is on its way')
    assert.notInclude((await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)).text(), 'Your selection is on its way')
  })
})
