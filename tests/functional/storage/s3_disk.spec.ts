import { test } from '@japa/runner'
import { rm, mkdir } from 'node:fs/promises'
import S3rver from 's3rver'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import ProcessMediaAsset from '#jobs/process_media_asset'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { gradientJpeg } from '#tests/support/images'

/**
 * DRIVE_DISK=s3 against a local S3-compatible server (s3rver speaks the S3 REST
 * protocol), so the real AWS SDK client configured in config/drive.ts does the work.
 */
async function startS3() {
  const endpoint = new URL(env.get('S3_ENDPOINT', 'http://127.0.0.1:4569'))
  const directory = app.tmpPath('s3rver')
  await rm(directory, { recursive: true, force: true })
  await mkdir(directory, { recursive: true })
  const server = new S3rver({
    address: endpoint.hostname,
    port: Number(endpoint.port),
    silent: true,
    directory,
    configureBuckets: [{ name: env.get('S3_BUCKET', 'loupe-test'), configs: [] }],
  })
  await server.run()
  return { close: () => server.close() }
}

test.group('S3-compatible storage', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an original stored on the s3 disk is processed into private derivatives on the same disk', async ({ assert, cleanup }) => {
    const s3 = await startS3()
    cleanup(() => s3.close())
    const disk = drive.use('s3')
    const asset = await MediaAssetFactory.apply('processing')
      .merge({ disk: 's3', key: 'media/s3-test/original.jpg', mimeType: 'image/jpeg' })
      .create()
    await disk.put(asset.key, await gradientJpeg(1200, 800))

    await new ProcessMediaAsset().handle({ mediaAssetId: asset.id, watermark: true })
    await asset.refresh()

    assert.equal(asset.status, 'ready')
    for (const key of Object.values(asset.variants ?? {})) {
      assert.isTrue(await disk.exists(key!), `${key} is on the s3 disk`)
    }
    assert.isAbove((await disk.getBytes(asset.variants!.thumb!)).byteLength, 100)
    const meta = await disk.getMetaData(asset.variants!.preview!)
    assert.isAbove(meta.contentLength, 100)
    assert.isTrue(asset.variants!.watermarked?.startsWith('media/s3-test/'))
  })
})
