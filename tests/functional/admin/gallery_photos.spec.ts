import { test } from '@japa/runner'
import { readdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import Gallery from '#models/gallery'
import Job from '#models/job'
import MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { gradientJpeg } from '#tests/support/images'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { photographerOf } from '#tests/support/studio'

/** Every file on the test disk, so a rejected upload can be shown to leave none behind. */
async function storedFiles() {
  const root = app.makePath(env.get('DRIVE_ROOT', 'storage'))
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length
  } catch {
    return 0
  }
}

/** One file posted to the gallery's upload route as the uploader does (JSON answer). */
function postUpload(client: ApiClient, user: User, gallery: Gallery, file?: { bytes: Buffer; filename: string; contentType?: string }) {
  const request = client.post(`/admin/galleries/${gallery.id}/photos`).header('accept', 'application/json').loginAs(user).withCsrfToken()
  return file ? request.file('file', file.bytes, { filename: file.filename, ...(file.contentType ? { contentType: file.contentType } : {}) }) : request
}

async function photoOf(gallery: Gallery, status: 'ready' | 'processing' | 'failed' = 'ready', sortOrder = 0) {
  const asset = await (status === 'ready' ? MediaAssetFactory : MediaAssetFactory.apply(status)).create()
  return PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id, sortOrder }).create()
}

test.group('Admin: uploading photos to a gallery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a valid JPEG is stored, with its media asset, photo and processing job', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const response = await postUpload(client, admin, gallery, { bytes: await gradientJpeg(800, 600), filename: 'IMG_0001.JPG' })

    response.assertStatus(201)
    assert.isTrue(response.body().ok)
    const photo = await Photo.findOrFail(response.body().photo.id)
    const asset = await MediaAsset.findOrFail(photo.mediaAssetId)
    assert.equal(photo.galleryId, gallery.id)
    assert.equal(asset.status, 'processing')
    assert.equal(asset.originalFilename, 'IMG_0001.JPG')
    assert.equal(asset.mimeType, 'image/jpeg')
    assert.equal(asset.width, 800)
    assert.isTrue(await drive.use().exists(asset.key))
    const jobs = await Job.query().where('name', 'media.process')
    assert.lengthOf(jobs, 1)
    assert.equal(jobs[0].payload?.mediaAssetId, asset.id)
    await gallery.refresh()
    assert.equal(gallery.coverPhotoId, photo.id, 'the first photo becomes the cover')
    await drive.use().delete(asset.key)
  })

  test('a batch keeps the order it was picked in, whatever order its uploads finish in', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const earlier = await photoOf(gallery, 'ready', 0)
    const names = ['IMG_2.jpg', 'IMG_10.jpg', 'IMG_11.jpg']
    const ids: Record<string, string> = {}
    // The uploader numbers the files in file-name order; here the last finishes first.
    for (const position of [2, 0, 1]) {
      const response = await postUpload(client, admin, gallery, { bytes: await gradientJpeg(300, 200), filename: names[position] })
        .fields({ batch: 'batch-0001', position: String(position) })
      response.assertStatus(201)
      ids[names[position]] = response.body().photo.id
    }
    const lone = await postUpload(client, admin, gallery, { bytes: await gradientJpeg(300, 200), filename: 'later.jpg' })
    lone.assertStatus(201)

    const order = (await Photo.query().where('galleryId', gallery.id).orderBy('sortOrder')).map((photo) => photo.id)
    assert.deepEqual(order, [earlier.id, ids['IMG_2.jpg'], ids['IMG_10.jpg'], ids['IMG_11.jpg'], lone.body().photo.id])
    for (const asset of await MediaAsset.query().whereIn('id', (await Photo.query().whereIn('id', order.slice(1))).map((p) => p.mediaAssetId))) {
      await drive.use().delete(asset.key)
    }
  })

  test('files that are not images are rejected by their bytes, leaving nothing behind', async ({ client, assert }) => {
    const gallery = await GalleryFactory.create()
    const photographer = await photographerOf(gallery)
    const filesBefore = await storedFiles()
    const jpeg = await gradientJpeg(800, 600)
    const cases = [
      { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), filename: 'holiday.jpg', message: 'This is not an image we can read' },
      { bytes: Buffer.from('<!doctype html><html><body>hello</body></html>'), filename: 'beach.png', message: 'This is not an image we can read' },
      { bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)), filename: 'cut.jpg', message: 'This image is damaged or incomplete' },
    ]
    for (const upload of cases) {
      const response = await postUpload(client, photographer, gallery, { bytes: upload.bytes, filename: upload.filename, contentType: 'image/jpeg' })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'file')
      assert.include(response.body().errors[0].message, upload.message, upload.filename)
    }
    assert.lengthOf(await Photo.all(), 0)
    assert.lengthOf(await MediaAsset.all(), 0)
    assert.lengthOf(await Job.all(), 0)
    assert.equal(await storedFiles(), filesBefore)
  })

  test('a file over the size limit reaches the image check and is refused with its size', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const response = await postUpload(client, admin, gallery, { bytes: Buffer.alloc(61 * 1024 * 1024, 1), filename: 'huge.tif' })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].message, 'This file is 61 MB; the limit is 60 MB.')
    assert.lengthOf(await MediaAsset.all(), 0)
  })

  test('a request without a file is a 422 on the file field', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const response = await postUpload(client, admin, gallery)
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'file', message: 'Choose an image to upload.' }] })
  })

  test('staff and customers cannot upload or see the photos; photographers can', async ({ client, assert }) => {
    const gallery = await GalleryFactory.create()
    for (const role of ['staff', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      const upload = await postUpload(client, user, gallery, { bytes: await gradientJpeg(100, 100), filename: 'a.jpg' })
      upload.assertStatus(403)
      const grid = await client.get(`/admin/galleries/${gallery.id}/photos`).header('hx-request', 'true').loginAs(user)
      grid.assertStatus(403)
    }
    assert.lengthOf(await Photo.all(), 0)

    const photographer = await photographerOf(gallery)
    const grid = await client.get(`/admin/galleries/${gallery.id}/photos`).header('hx-request', 'true').loginAs(photographer)
    grid.assertStatus(200)
    grid.assertTextIncludes('No photos yet')
  })
})

test.group('Admin: a gallery\'s photo grid', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the panel shows every photo, hidden and failed ones too, with the failure', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const ready = await photoOf(gallery, 'ready', 0)
    await Photo.query().where('id', ready.id).update({ isHidden: true })
    await photoOf(gallery, 'failed', 1)
    await photoOf(gallery, 'processing', 2)

    const response = await client.get(`/admin/galleries/${gallery.id}/photos`).header('hx-request', 'true').loginAs(admin)
    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, '<html')
    assert.include(html, '1 of 3 ready')
    assert.include(html, 'Hidden')
    assert.include(html, 'Unsupported image format')
    assert.include(html, 'Processing…')
    assert.include(html, `/media/${ready.mediaAssetId}/thumb?s=1&amp;e=`, 'signed for the studio')
    assert.lengthOf(html.match(/class="photo-tile[ "]/g) ?? [], 3)

    const page = await client.get(`/admin/galleries/${gallery.id}/photos`).loginAs(admin)
    page.assertTextIncludes('<html')
    page.assertTextIncludes('Photos of ')
    page.assertTextIncludes('1 of 3 ready')
  })

  test('a photo of another gallery is not found here', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const foreign = await photoOf(await GalleryFactory.create())
    const response = await client
      .patch(`/admin/galleries/${gallery.id}/photos/${foreign.id}`)
      .form({ isFeatured: 'true' })
      .header('hx-request', 'true')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(404)
  })

  test('featuring and hiding a photo', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photo = await photoOf(gallery)
    const url = `/admin/galleries/${gallery.id}/photos/${photo.id}`

    const featured = await client.patch(url).form({ isFeatured: 'true' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()
    featured.assertStatus(200)
    featured.assertTextIncludes('Unfeature')
    const hidden = await client.patch(url).form({ isHidden: 'true' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()
    hidden.assertTextIncludes('Show to the family')

    await photo.refresh()
    assert.isTrue(photo.isFeatured)
    assert.isTrue(photo.isHidden)
  })

  test('the editing status moves only to an allowed next status', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photo = await photoOf(gallery)
    const url = `/admin/galleries/${gallery.id}/photos/${photo.id}`

    const grid = await client.get(`/admin/galleries/${gallery.id}/photos`).qs({ part: 'grid' }).header('hx-request', 'true').loginAs(admin)
    assert.include(grid.text(), '<option value="editing">Editing</option>')
    assert.notInclude(grid.text(), '<option value="approved">')

    const forbidden = await client.patch(url).form({ editingStatus: 'approved' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()
    forbidden.assertStatus(422)
    forbidden.assertTextIncludes('A raw photo cannot become approved directly.')
    await photo.refresh()
    assert.equal(photo.editingStatus, 'raw')

    const allowed = await client.patch(url).form({ editingStatus: 'editing' }).header('hx-request', 'true').loginAs(admin).withCsrfToken()
    allowed.assertStatus(200)
    await photo.refresh()
    assert.equal(photo.editingStatus, 'editing')
  })

  test('without htmx a change goes back to the gallery page', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photo = await photoOf(gallery)
    const response = await client
      .patch(`/admin/galleries/${gallery.id}/photos/${photo.id}`)
      .form({ isFeatured: 'true' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', `/admin/galleries/${gallery.id}`)
    await photo.refresh()
    assert.isTrue(photo.isFeatured)
  })

  test('choosing the cover photo', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const first = await photoOf(gallery, 'ready', 0)
    const second = await photoOf(gallery, 'ready', 1)
    gallery.coverPhotoId = first.id
    await gallery.save()

    const response = await client
      .post(`/admin/galleries/${gallery.id}/cover`)
      .form({ photoId: second.id })
      .header('hx-request', 'true')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('The cover photo is changed.')
    await gallery.refresh()
    assert.equal(gallery.coverPhotoId, second.id)
  })

  test('deleting a photo moves it to the trash and hands the cover on', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const first = await photoOf(gallery, 'ready', 0)
    const second = await photoOf(gallery, 'ready', 1)
    gallery.coverPhotoId = first.id
    await gallery.save()

    const response = await client
      .delete(`/admin/galleries/${gallery.id}/photos/${first.id}`)
      .header('hx-request', 'true')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    assert.notInclude(response.text(), `data-photo-id="${first.id}"`)
    assert.include(response.text(), `data-photo-id="${second.id}"`)
    assert.include(response.text(), '1 of 1 ready', 'the progress summary comes along out of band')
    assert.isNull(await Photo.find(first.id))
    await gallery.refresh()
    assert.equal(gallery.coverPhotoId, second.id)
  })
})

test.group('Admin: ordering a gallery\'s photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the dragged order is saved', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photos = [await photoOf(gallery, 'ready', 0), await photoOf(gallery, 'ready', 1), await photoOf(gallery, 'ready', 2)]
    const order = [photos[2].id, photos[0].id, photos[1].id]

    const response = await client
      .put(`/admin/galleries/${gallery.id}/photo-order`)
      .json({ photoIds: order })
      .header('accept', 'application/json')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    const saved = await Photo.query().where('galleryId', gallery.id).orderBy('sortOrder')
    assert.deepEqual(saved.map((photo) => photo.id), order)
  })

  test('an order naming another gallery\'s photo is refused and changes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photos = [await photoOf(gallery, 'ready', 0), await photoOf(gallery, 'ready', 1)]
    const foreign = await photoOf(await GalleryFactory.create())

    const response = await client
      .put(`/admin/galleries/${gallery.id}/photo-order`)
      .json({ photoIds: [photos[1].id, foreign.id, photos[0].id] })
      .header('accept', 'application/json')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ field: 'photoIds', message: 'Some of these photos are not in this gallery' }] })
    const saved = await Photo.query().where('galleryId', gallery.id).orderBy('sortOrder')
    assert.deepEqual(saved.map((photo) => photo.id), [photos[0].id, photos[1].id])
  })
})

test.group('Admin: processing progress and reprocessing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the progress fragment counts ready photos and polls only while some are processing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    await photoOf(gallery, 'ready', 0)
    await photoOf(gallery, 'ready', 1)
    const pending = await photoOf(gallery, 'processing', 2)

    const busy = await client.get(`/admin/galleries/${gallery.id}/processing`).qs({ polling: 1 }).header('hx-request', 'true').loginAs(admin)
    busy.assertStatus(200)
    busy.assertTextIncludes('2 of 3 ready')
    busy.assertTextIncludes('load delay:2s')
    assert.notInclude(busy.text(), 'id="photo-grid"')

    await MediaAsset.query().where('id', pending.mediaAssetId).update({ status: 'ready' })
    const done = await client.get(`/admin/galleries/${gallery.id}/processing`).qs({ polling: 1 }).header('hx-request', 'true').loginAs(admin)
    done.assertTextIncludes('3 of 3 ready')
    assert.notInclude(done.text(), 'load delay:2s')
    assert.include(done.text(), 'id="photo-grid"', 'the finished grid replaces the old one out of band')
  })

  test('an uploaded photo is processed by the worker and counted ready', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const upload = await postUpload(client, admin, gallery, { bytes: await gradientJpeg(640, 480), filename: 'garden.jpg' })
    upload.assertStatus(201)

    assert.equal(await new JobWorker().drain(), 1)
    const progress = await client.get(`/admin/galleries/${gallery.id}/processing`).header('hx-request', 'true').loginAs(admin)
    progress.assertTextIncludes('1 of 1 ready')
    const asset = await MediaAsset.findOrFail((await Photo.findOrFail(upload.body().photo.id)).mediaAssetId)
    assert.equal(asset.status, 'ready')
    for (const key of [asset.key, ...Object.values(asset.variants ?? {})]) await drive.use().delete(key)
  })

  test('reprocessing a failed photo queues one job, even when posted twice', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const failed = await photoOf(gallery, 'failed', 0)
    const alsoFailed = await photoOf(gallery, 'failed', 1)

    const panel = await client.get(`/admin/galleries/${gallery.id}/photos`).header('hx-request', 'true').loginAs(admin)
    panel.assertTextIncludes('0 of 2 ready')
    panel.assertTextIncludes('Reprocess all failed')

    for (const notice of ['One photo is being processed again.', 'There is no failed photo to process again.']) {
      const response = await client
        .post(`/admin/galleries/${gallery.id}/reprocessings`)
        .form({ photoId: failed.id })
        .header('hx-request', 'true')
        .loginAs(admin)
        .withCsrfToken()
      response.assertStatus(200)
      response.assertTextIncludes(notice)
    }
    const jobs = await Job.query().where('name', 'media.process')
    assert.lengthOf(jobs, 1)
    assert.equal(jobs[0].payload?.mediaAssetId, failed.mediaAssetId)
    assert.equal((await MediaAsset.findOrFail(failed.mediaAssetId)).status, 'processing')
    assert.equal((await MediaAsset.findOrFail(alsoFailed.mediaAssetId)).status, 'failed')
  })

  test('admins see the failed background jobs behind failed photos', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const photographer = await photographerOf(gallery)
    const failed = await photoOf(gallery, 'failed', 0)
    await Job.create({ name: 'media.process', payload: { mediaAssetId: failed.mediaAssetId }, status: 'failed', attempts: 5, lastError: 'VipsJpeg: premature end of file' })

    const seen = await client.get(`/admin/galleries/${gallery.id}/processing`).header('hx-request', 'true').loginAs(admin)
    seen.assertTextIncludes('Background jobs needing attention (1)')
    seen.assertTextIncludes('VipsJpeg: premature end of file')
    const notSeen = await client.get(`/admin/galleries/${gallery.id}/processing`).header('hx-request', 'true').loginAs(photographer)
    assert.notInclude(notSeen.text(), 'Background jobs needing attention')
  })
})
