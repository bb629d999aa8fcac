import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Download from '#models/download'
import { DownloadFactory } from '#database/factories/download_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Download', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const build = () => DownloadFactory.with('photo', 1, (p) => p.with('gallery').with('mediaAsset'))

  test('the factory records a download that reloads with photo, user and visitor', async ({ assert }) => {
    const download = await build()
      .with('user')
      .with('galleryVisitor', 1, (v) => v.with('gallery'))
      .create()
    const reloaded = await Download.query()
      .where('id', download.id)
      .preload('photo')
      .preload('user')
      .preload('galleryVisitor')
      .firstOrFail()
    assert.equal(reloaded.photo.id, download.photoId)
    assert.equal(reloaded.user.id, download.userId)
    assert.equal(reloaded.galleryVisitor.id, download.galleryVisitorId)
    assert.lengthOf(reloaded.ipHash!, 64)
  })

  test('deleting the user keeps the download for the studio statistics', async ({ assert }) => {
    const download = await build().with('user').create()
    await (await download.related('user').query().firstOrFail()).delete()
    await download.refresh()
    assert.isNull(download.userId)
  })

  test('deleting the photo deletes its downloads', async ({ assert }) => {
    const download = await build().create()
    await (await download.related('photo').query().firstOrFail()).delete()
    assert.isNull(await Download.find(download.id))
  })

  test('the variant must be original, web or watermarked', async () => {
    await assertViolates(() => build().merge({ variant: 'raw' as any }).create(), 'check')
  })
})
