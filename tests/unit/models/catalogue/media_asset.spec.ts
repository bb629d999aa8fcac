import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import MediaAsset from '#models/media_asset'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Media asset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a ready asset that reloads with its variants', async ({ assert }) => {
    const asset = await MediaAssetFactory.create()
    const reloaded = await MediaAsset.findOrFail(asset.id)
    assert.equal(reloaded.status, 'ready')
    assert.equal(reloaded.variants?.thumb, `media/${asset.id}/thumb.webp`)
    assert.equal(reloaded.variantKey('preview'), `media/${asset.id}/preview.webp`)
    assert.isNumber(reloaded.byteSize)
    assert.oneOf(reloaded.orientation, ['landscape', 'portrait'])
  })

  test('a processing asset becomes ready with its details, in one change', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('processing').create()
    const job = actors.system('job:media.process')
    assert.isTrue(await asset.markReady({ width: 800, height: 600, variants: { thumb: 'media/x/thumb.webp' } }, { actor: job }))
    const reloaded = await MediaAsset.findOrFail(asset.id)
    assert.equal(reloaded.status, 'ready')
    assert.equal(reloaded.width, 800)
    assert.equal(reloaded.variantKey('thumb'), 'media/x/thumb.webp')
    assert.equal(reloaded.variantKey('preview'), reloaded.key)
    const [change] = await StatusChange.of('MediaAsset', asset.id)
    assert.equal(change.actorLabel, 'job:media.process')
  })

  test('a processing asset can fail and be retried', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('processing').create()
    assert.isTrue(await asset.markFailed('corrupt JPEG'))
    assert.equal((await MediaAsset.findOrFail(asset.id)).error, 'corrupt JPEG')
    assert.isTrue(await asset.reprocess())
    const reloaded = await MediaAsset.findOrFail(asset.id)
    assert.equal(reloaded.status, 'processing')
    assert.isNull(reloaded.error)
  })

  test('a ready asset is not marked failed, a failed one not ready without reprocessing', async ({ assert }) => {
    const ready = await MediaAssetFactory.create()
    const failed = await MediaAssetFactory.apply('failed').create()
    assert.isFalse(await ready.markFailed('late error'))
    assert.isFalse(await failed.markReady({ width: 10 }))
    const [a, b] = [await MediaAsset.findOrFail(ready.id), await MediaAsset.findOrFail(failed.id)]
    assert.equal(a.status, 'ready')
    assert.isNull(a.error)
    assert.equal(b.status, 'failed')
    assert.notEqual(b.width, 10)
    assert.lengthOf(await StatusChange.query().where('subject_type', 'MediaAsset'), 0)
  })

 test('two assets cannot share a disk key', async () => {
    const asset = await MediaAssetFactory.create()
    await assertViolates(() => MediaAssetFactory.merge({ key: asset.key }).create(), 'unique')
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => MediaAssetFactory.merge({ status: 'uploaded' as any }).create(), 'check')
  })

  test('the byte size cannot be negative', async () => {
    await assertViolates(() => MediaAssetFactory.merge({ byteSize: -1 }).create(), 'check')
  })
})
