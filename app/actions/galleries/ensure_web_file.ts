import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type MediaAsset from '#models/media_asset'
import { makeWebJpeg } from '#services/images/derivatives'
import { imageSlots } from '#services/images/image_slots'

/** Makes of the same file in flight in this process: two clicks wait for one make. */
const making = new Map<string, Promise<void>>()

/**
 * The web-size JPEG of a processed photo, made from its original when it is not on disk
 * (photos processed before web files existed, or a file lost since) and recorded in the
 * asset's variants, so a download never ends in a 404 for a photo the page counts.
 */
export async function ensureWebFile(asset: MediaAsset, key: string) {
  const disk = drive.use(asset.disk as any)
  if (await disk.exists(key)) return
  let pending = making.get(key)
  if (!pending) {
    pending = imageSlots
      .run(async () => {
        if (await disk.exists(key)) return
        const bytes = await disk.getBytes(asset.key)
        await disk.put(key, await makeWebJpeg(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
      })
      .then(async () => {
        const variants = { ...(asset.variants ?? {}), web: key }
        await db.from('media_assets').where('id', asset.id).update({ variants: JSON.stringify(variants) })
        asset.variants = variants
      })
      .finally(() => making.delete(key))
    making.set(key, pending)
  }
  await pending
}
