import { test } from '@japa/runner'
import MediaAsset from '#models/media_asset'
import StatusChange from '#models/status_change'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('MediaAsset state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('a double click on "reprocess" flips a failed asset once', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('failed').create()
    assert.equal(await raceTransition(MediaAsset, asset.id, (row) => row.reprocess()), 1)
    assert.lengthOf(await StatusChange.of('MediaAsset', asset.id), 1)
  })

  test('two workers finishing one asset, one ready and one failed: exactly one outcome', async ({ assert }) => {
    const asset = await MediaAssetFactory.apply('processing').create()
    const [a, b] = await Promise.all([MediaAsset.findOrFail(asset.id), MediaAsset.findOrFail(asset.id)])
    const results = await Promise.all([a.markReady({ width: 1200 }), b.markFailed('out of memory')])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('MediaAsset', asset.id)
    assert.lengthOf(history, 1)
    assert.equal((await MediaAsset.findOrFail(asset.id)).status, history[0].toStatus)
  })
})
