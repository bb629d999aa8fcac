import type { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'

export interface ZipEntry<T = unknown> {
  name: string
  date?: Date
  open: () => Promise<Readable>
  item: T
}

class ClientGone extends Error {}

/**
 * A ZIP written while it is sent: entries are opened one at a time (so a 500-photo
 * gallery holds one file stream, not 500, and never a whole archive in memory or on
 * disk) and stored without compression, since JPEG and friends don't shrink.
 * Backpressure from the response pauses the loop. `onEnd` gets the entries fully
 * written, before the archive closes (complete) or after the client went away.
 */
export function zipStream<T>(
  entries: Iterable<ZipEntry<T>>,
  onEnd: (written: ZipEntry<T>[], complete: boolean) => Promise<void>
): Readable {
  const archive = new ZipArchive({ store: true })
  const written: ZipEntry<T>[] = []

  const run = async () => {
    for (const entry of entries) {
      if (archive.destroyed) throw new ClientGone()
      await appendOne(archive, entry)
      written.push(entry)
    }
    await onEnd(written, true)
    await archive.finalize()
  }

  run().catch(async (error) => {
    if (!(error instanceof ClientGone)) archive.destroy(error)
    await onEnd(written, false).catch(() => {})
  })
  return archive
}

async function appendOne(archive: ZipArchive, entry: ZipEntry<unknown>) {
  const source = await entry.open()
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      archive.off('entry', onEntry)
      archive.off('close', onClose)
      archive.off('error', onError)
      if (error) {
        source.destroy()
        reject(error)
      } else resolve()
    }
    const onEntry = () => settle()
    const onClose = () => settle(new ClientGone())
    const onError = (error: Error) => settle(error)
    archive.on('entry', onEntry)
    archive.on('close', onClose)
    archive.on('error', onError)
    archive.append(source, { name: entry.name, date: entry.date, store: true } as any)
  })
}
