import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import yauzl from 'yauzl'
import { zipStream, type ZipEntry } from '#services/downloads/zip_stream'

const MB = 1024 * 1024

/** Entries of `size` bytes each that log when they are opened and how many are open at once. */
function trackedEntries(count: number, size: number) {
  const log = { opened: [] as string[], open: 0, mostOpen: 0 }
  function* entries(): Generator<ZipEntry<number>> {
    for (let index = 1; index <= count; index++) {
      const name = `${String(index).padStart(3, '0')}.jpg`
      yield {
        name,
        item: index,
        open: async () => {
          log.opened.push(name)
          log.open++
          log.mostOpen = Math.max(log.mostOpen, log.open)
          const source = Readable.from(chunksOf(size, index))
          // Read to its end: archiver is done with it (its 'close' comes a tick later).
          source.once('end', () => log.open--)
          return source
        },
      }
    }
  }
  return { log, entries: entries() }
}

function* chunksOf(size: number, fill: number) {
  for (let sent = 0; sent < size; sent += 64 * 1024) yield Buffer.alloc(Math.min(64 * 1024, size - sent), fill)
}

function onEndSpy() {
  const calls: { items: number[]; complete: boolean }[] = []
  let called = () => {}
  const done = new Promise<void>((resolve) => (called = resolve))
  async function spy(written: ZipEntry<number>[], complete: boolean) {
    calls.push({ items: written.map((entry) => entry.item), complete })
    called()
  }
  return { calls, done, spy }
}

async function entryNames(buffer: Buffer) {
  return new Promise<string[]>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: false }, (error, zip) => {
      if (error) return reject(error)
      const names: string[] = []
      zip.on('entry', (entry: yauzl.Entry) => names.push(entry.fileName))
      zip.on('end', () => resolve(names))
      zip.on('error', reject)
    })
  })
}

test.group('ZIP stream', () => {
  test('bytes flow before the last photo is opened, and only one file is open at a time', async ({ assert }) => {
    const { log, entries } = trackedEntries(6, 1 * MB)
    const { calls, spy } = onEndSpy()
    const archive = zipStream(entries, spy)

    const chunks: Buffer[] = []
    let openedAtFirstChunk = -1
    for await (const chunk of archive) {
      if (openedAtFirstChunk < 0) openedAtFirstChunk = log.opened.length
      chunks.push(chunk)
    }

    assert.isAbove(openedAtFirstChunk, 0)
    assert.isBelow(openedAtFirstChunk, 6, 'the ZIP starts before every photo has been opened')
    assert.equal(log.mostOpen, 1, 'one source stream at a time')
    assert.deepEqual(await entryNames(Buffer.concat(chunks)), ['001.jpg', '002.jpg', '003.jpg', '004.jpg', '005.jpg', '006.jpg'])
    assert.deepEqual(calls, [{ items: [1, 2, 3, 4, 5, 6], complete: true }])
  })

  test('a reader that stops reading stops the archive from opening more photos', async ({ assert }) => {
    const { log, entries } = trackedEntries(8, 2 * MB)
    const archive = zipStream(entries, async () => {})
    // Nobody reads: backpressure must hold the loop after the first entry or two.
    await sleep(200)
    assert.isBelow(log.opened.length, 8)
    const openedWhilePaused = log.opened.length

    archive.resume()
    await new Promise((resolve) => archive.once('end', resolve))
    assert.isBelow(openedWhilePaused, log.opened.length)
    assert.lengthOf(log.opened, 8)
  })

  test('a client that goes away records only the photos fully written', async ({ assert }) => {
    const { log, entries } = trackedEntries(6, 1 * MB)
    const { calls, done, spy } = onEndSpy()
    const archive = zipStream(entries, spy)

    // Read until the third photo is being written, then hang up.
    archive.on('data', () => {
      if (log.opened.length >= 3 && !archive.destroyed) archive.destroy()
    })
    await done

    assert.lengthOf(calls, 1)
    assert.isFalse(calls[0].complete)
    const recorded = calls[0].items
    assert.isAtLeast(recorded.length, 2, 'the first two were fully written')
    assert.isBelow(recorded.length, 6)
    assert.deepEqual(recorded, Array.from({ length: recorded.length }, (_, index) => index + 1))
    await sleep(50)
    assert.isBelow(log.opened.length, 6, 'nothing more is opened once the client is gone')
  })
})
