import drive from '@adonisjs/drive/services/main'
import type MediaAsset from '#models/media_asset'
import type { storageDisk } from '#services/media/storage_disk'

/**
 * Removes an asset's files (the original and every derivative under `media/<id>/`) from
 * its disk. Called after the rows are gone: a failed delete leaves files, never a row
 * pointing at missing ones.
 */
export async function deleteMediaFiles(asset: Pick<MediaAsset, 'id' | 'disk'>) {
  await drive.use(asset.disk as ReturnType<typeof storageDisk>).deleteAll(`media/${asset.id}`)
}
