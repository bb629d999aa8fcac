import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import MediaAsset from '#models/media_asset'

export const MediaAssetFactory = factory
  .define(MediaAsset, ({ faker }) => {
    const id = randomUUID()
    const landscape = faker.datatype.boolean()
    return {
      id,
      disk: 'fs',
      key: `media/${id}/original.jpg`,
      originalFilename: `${faker.system.fileName({ extensionCount: 0 })}.jpg`,
      mimeType: 'image/jpeg',
      byteSize: faker.number.int({ min: 40_000, max: 400_000 }),
      width: landscape ? 900 : 600,
      height: landscape ? 600 : 900,
      variants: { thumb: `media/${id}/thumb.webp`, preview: `media/${id}/preview.webp` },
      dominantColor: faker.color.rgb({ format: 'hex' }),
      tags: null,
      exif: null,
      status: 'ready' as const,
      error: null,
    }
  })
  .state('processing', (asset) => {
    asset.status = 'processing'
    asset.variants = null
  })
  .state('failed', (asset) => {
    asset.status = 'failed'
    asset.variants = null
    asset.error = 'Unsupported image format'
  })
  .build()
