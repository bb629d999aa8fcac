import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import MediaAsset from '#models/media_asset'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { UserFactory } from '#database/factories/user_factory'
import { gradientJpeg } from '#tests/support/images'
import { recordUploadTempFiles } from '#tests/support/uploads'

/*
| A multipart body is read only where a page uploads (the gallery photo upload), only
| from someone signed in, and its temp files never outlive the request.
*/
test.group('Multipart bodies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const photo = () => gradientJpeg(320, 240)

  for (const url of ['/login', '/no-such-page', '/g']) {
    test(`a multipart POST to ${url} is refused unread and leaves no temp file`, async ({ client, assert, cleanup }) => {
      const recorder = recordUploadTempFiles()
      cleanup(recorder.stop)
      const response = await client.post(url).file('file', await photo(), { filename: 'big.jpg' }).field('email', 'x@example.com').withCsrfToken()
      response.assertStatus(415)
      assert.equal(response.header('connection'), 'close')
      assert.deepEqual(recorder.paths, [], 'no file was written')
    })
  }

  test('an anonymous multipart POST to the upload route is refused unread', async ({ client, assert, cleanup }) => {
    const recorder = recordUploadTempFiles()
    cleanup(recorder.stop)
    const gallery = await GalleryFactory.create()
    const response = await client.post(`/admin/galleries/${gallery.id}/photos`).accept('json').file('file', await photo(), { filename: 'a.jpg' }).withCsrfToken()
    response.assertStatus(401)
    assert.deepEqual(recorder.paths, [])
  })

  test('an accepted upload leaves no temp file', async ({ client, assert, cleanup }) => {
    const recorder = recordUploadTempFiles()
    cleanup(recorder.stop)
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    const response = await client.post(`/admin/galleries/${gallery.id}/photos`).accept('json').loginAs(admin).withCsrfToken().file('file', await photo(), { filename: 'a.jpg' })
    response.assertStatus(201)
    assert.lengthOf(recorder.paths, 1)
    assert.isFalse(existsSync(recorder.paths[0]))
    const asset = await MediaAsset.firstOrFail()
    await drive.use().delete(asset.key)
  })

  test('an upload the handler refuses leaves no temp file either', async ({ client, assert, cleanup }) => {
    const recorder = recordUploadTempFiles()
    cleanup(recorder.stop)
    const customer = await UserFactory.create()
    const gallery = await GalleryFactory.create()
    const refused = await client.post(`/admin/galleries/${gallery.id}/photos`).accept('json').loginAs(customer).withCsrfToken().file('file', await photo(), { filename: 'a.jpg' })
    refused.assertStatus(403)

    const admin = await UserFactory.apply('admin').create()
    const extra = await client
      .post(`/admin/galleries/${gallery.id}/photos`)
      .accept('json')
      .loginAs(admin)
      .withCsrfToken()
      .file('file', await photo(), { filename: 'a.jpg' })
      .file('other', await photo(), { filename: 'b.jpg' })
    extra.assertStatus(201)
    await drive.use().delete((await MediaAsset.firstOrFail()).key)

    assert.lengthOf(recorder.paths, 3)
    for (const path of recorder.paths) assert.isFalse(existsSync(path), `${path} is gone`)
  })
})
