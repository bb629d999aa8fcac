import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Job from '#models/job'
import MediaAsset from '#models/media_asset'
import { JobWorker } from '#services/jobs/worker'
import { dispatch } from '#services/jobs/dispatch'
import { gradientJpeg } from '#tests/support/images'

async function storedOriginal(bytes: Buffer) {
  const asset = await MediaAsset.create({ disk: 'fs', key: `media/test-${Date.now()}-${Math.random()}/original.jpg`, mimeType: 'image/jpeg', byteSize: bytes.length, status: 'processing' })
  await drive.use().put(asset.key, bytes)
  return asset
}

test.group('Background jobs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a queued image job makes the derivatives and marks the asset ready', async ({ assert }) => {
    const asset = await storedOriginal(await gradientJpeg(1600, 1000))
    const job = await dispatch('media.process', { mediaAssetId: asset.id, watermark: true })

    assert.equal(await new JobWorker().drain(), 1)
    await job.refresh()
    await asset.refresh()
    assert.equal(job.status, 'done')
    assert.equal(asset.status, 'ready')
    assert.deepEqual(asset.variants, {
      thumb: asset.key.replace('original.jpg', 'thumb.webp'),
      preview: asset.key.replace('original.jpg', 'preview.webp'),
      web: asset.key.replace('original.jpg', 'web.jpg'),
      watermarked: asset.key.replace('original.jpg', 'watermarked.webp'),
      watermarkedThumb: asset.key.replace('original.jpg', 'watermarked_thumb.webp'),
    })
    assert.equal(asset.width, 1600)
    assert.match(asset.dominantColor!, /^#[0-9a-f]{6}$/)
    assert.include(asset.tags!, 'landscape')
    assert.isTrue(await drive.use().exists(asset.variants!.thumb!))
  })

  test('a failing job is retried later with backoff, then fails for good and marks the asset failed', async ({ assert }) => {
    const asset = await MediaAsset.create({ disk: 'fs', key: 'media/missing/original.jpg', mimeType: 'image/jpeg', status: 'processing' })
    const job = await dispatch('media.process', { mediaAssetId: asset.id }, { maxAttempts: 2 })
    const worker = new JobWorker()

    await worker.drain()
    await job.refresh()
    assert.equal(job.status, 'queued')
    assert.equal(job.attempts, 1)
    assert.isTrue(job.runAt > DateTime.now().plus({ seconds: 20 }))
    assert.isNotNull(job.lastError)
    assert.equal(await worker.drain(), 0, 'not due yet')

    job.runAt = DateTime.now().minus({ seconds: 1 })
    await job.save()
    await worker.drain()
    await job.refresh()
    await asset.refresh()
    assert.equal(job.status, 'failed')
    assert.equal(asset.status, 'failed')
    assert.isNotNull(asset.error)
  })

  test('a job left running by a dead worker is queued again on start', async ({ assert }) => {
    const job = await Job.create({ name: 'media.process', payload: {}, status: 'running', attempts: 1, lockedAt: DateTime.now().minus({ hours: 1 }), lockedBy: 'dead' })
    assert.equal(await new JobWorker().recoverStale(), 1)
    await job.refresh()
    assert.equal(job.status, 'queued')
    assert.isNull(job.lockedBy)
    assert.include(job.lastError!, 'The worker stopped before finishing')
    assert.equal(await new JobWorker().recoverStale(), 0, 'nothing left to recover')
  })

  test('an unknown job name fails without crashing the worker', async ({ assert }) => {
    const job = await Job.create({ name: 'nope', payload: {}, maxAttempts: 1 })
    await new JobWorker().drain()
    await job.refresh()
    assert.equal(job.status, 'failed')
    assert.include(job.lastError!, 'No handler for job "nope"')
  })
})
