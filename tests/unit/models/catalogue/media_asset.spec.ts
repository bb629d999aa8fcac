import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import MediaAsset from '#models/media_asset'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'

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

  test('a processing asset becomes ready with its details', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('processing').create()
    await asset.markReady({ width: 800, height: 600, variants: { thumb: 'media/x/thumb.webp' } })
    const reloaded = await MediaAsset.findOrFail(asset.id)
    assert.equal(reloaded.status, 'ready')
    assert.equal(reloaded.width, 800)
    assert.equal(reloaded.variantKey('preview'), reloaded.key)
  })

  test('a processing asset can fail and be retried', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('processing').create()
    await asset.markFailed('corrupt JPEG')
    assert.equal((await MediaAsset.findOrFail(asset.id)).error, 'corrupt JPEG')
    await asset.reprocess()
    assert.equal(asset.status, 'processing')
    assert.isNull(asset.error)
  })

  test('a ready asset cannot be marked failed', async ({ assert }) => {
    const asset = await MediaAssetFactory.create()
    assert.throws(() => asset.markFailed('late error'), /cannot go from ready to failed/)
  })

  test('a failed asset cannot become ready without being reprocessed', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('failed').create()
    assert.throws(() => asset.markReady(), /cannot go from failed to ready/)
  })

  test('two assets cannot share a disk key', async ({ assert }) => {
    const asset = await MediaAssetFactory.create()
    await assert.rejects(() => MediaAssetFactory.merge({ key: asset.key }).create())
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => MediaAssetFactory.merge({ status: 'uploaded' as any }).create())
  })

  test('the byte size cannot be negative', async ({ assert }) => {
    await assert.rejects(() => MediaAssetFactory.merge({ byteSize: -1 }).create())
  })
})
