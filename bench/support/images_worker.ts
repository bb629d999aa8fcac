/*
| One side of the images bench, in its own process so each side's peak memory is its
| own: `loupe` runs Loupe's ImagePipeline (what the media job runs), `bare` a plain
| sharp script making the same files. The parent sends `{ round }` messages and gets
| back the round's wall and CPU time; `{ done }` returns the peak RSS.
*/
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import sharp from 'sharp'
import { RssSampler, toMb } from './rss.js'

export interface WorkerSetup {
  side: 'loupe' | 'bare'
  /** Absolute paths of the originals (the bare side reads these). */
  files: string[]
  /** The same originals as keys on Loupe's default disk (the loupe side reads these). */
  keys: string[]
  /** Where the bare side writes its files. */
  outDir: string
  /** Photos handed to the side at once (loupe: as the job worker hands them; its image slots decide). */
  callers: number
  /** Bare side: libvips threads, as Loupe set them (sharp.concurrency); loupe: null, its config decides. */
  threads: number | null
  watermarkText: string | null
}
export type WorkerReply =
  | { type: 'ready'; idleRssMb: number; sharpConcurrency: number; imageConcurrency: number; outputs: Record<string, number> }
  | { type: 'round'; wallMs: number; cpuMs: number }
  | { type: 'done'; peakMb: number; sampledPeakMb: number; kernelPeakMb: number; gcMs: number; peakSharpOps: number }

/** Processes photo `index`; with `report`, returns the byte size of each file made. */
type ProcessOne = (index: number, report?: boolean) => Promise<Record<string, number>>

const send = (reply: WorkerReply) => process.send!(reply)

process.once('message', async (setup: WorkerSetup) => {
  const { processOne, imageConcurrency } = setup.side === 'loupe' ? await loupeSide(setup) : await bareSide(setup)
  const sampler = new RssSampler(20)
  // sharp's own count of operations running: shows both sides work alike.
  let peakSharpOps = 0
  setInterval(() => (peakSharpOps = Math.max(peakSharpOps, sharp.counters().process)), 20).unref()
  const idleRssMb = toMb(process.memoryUsage.rss())
  // Warm-up: one image, so first-call costs (libvips init, module loading) stay out of the rounds.
  const outputs = await processOne(0, true)
  send({ type: 'ready', idleRssMb, sharpConcurrency: sharp.concurrency(), imageConcurrency, outputs })

  // Time the process spent in V8 garbage collection during the rounds (big Buffers trigger it).
  let gcMs = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration
  }).observe({ entryTypes: ['gc'] })

  process.on('message', async (message: { round?: number; done?: boolean }) => {
    if (message.done) {
      send({ type: 'done', ...sampler.stop(), gcMs, peakSharpOps })
      process.disconnect()
      return
    }
    const cpu = process.cpuUsage()
    const started = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(setup.callers, setup.files.length) }, async () => {
        while (next < setup.files.length) await processOne(next++)
      })
    )
    const wallMs = performance.now() - started
    const used = process.cpuUsage(cpu)
    send({ type: 'round', wallMs, cpuMs: (used.user + used.system) / 1000 })
  })
})

interface Side {
  processOne: ProcessOne
  /** Photos the side works on at once. */
  imageConcurrency: number
}

/**
 * Loupe: the originals sit on its disk as uploads do; ImagePipeline.process, as the job
 * calls it, with Loupe's own image settings (config/images.ts and the environment).
 */
async function loupeSide(setup: WorkerSetup): Promise<Side> {
  const { bootApp } = await import('./app.js')
  await bootApp()
  const { default: drive } = await import('@adonisjs/drive/services/main')
  const { default: MediaAsset } = await import('#models/media_asset')
  const { ImagePipeline } = await import('#services/images/image_pipeline')
  const { default: imagesConfig } = await import('#config/images')

  const assets = setup.keys.map((key) => {
    const asset = new MediaAsset()
    asset.disk = 'fs'
    asset.key = key
    return asset
  })
  const pipeline = new ImagePipeline()
  const processOne: ProcessOne = async (index, report) => {
    const result = await pipeline.process(assets[index], { watermarkText: setup.watermarkText })
    const sizes: Record<string, number> = {}
    if (!report) return sizes
    for (const [name, key] of Object.entries(result.variants)) sizes[name] = (await drive.use('fs').getMetaData(key!)).contentLength
    return sizes
  }
  return { processOne, imageConcurrency: imagesConfig.concurrency }
}

/**
 * Bare sharp, written the efficient way: read the original, decode it once at preview
 * size (EXIF orientation applied, shrink-on-load), encode the four files from those
 * pixels with the same sizes and qualities as config/images.ts, write them. Handed as
 * many photos at once as Loupe works on, with as many libvips threads.
 */
async function bareSide(setup: WorkerSetup): Promise<Side> {
  const { watermarkOverlay, DEFAULT_WATERMARK } = await import('#services/images/watermark')
  if (setup.threads) sharp.concurrency(setup.threads)
  const processOne: ProcessOne = async (index) => {
    const input = await readFile(setup.files[index])
    const { data, info } = await sharp(input, { sequentialRead: true })
      .rotate()
      .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
    const [thumb, preview, web, watermarked] = await Promise.all([
      sharp(data, raw).resize(480, 480, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
      sharp(data, raw).webp({ quality: 80 }).toBuffer(),
      sharp(data, raw).jpeg({ quality: 85 }).toBuffer(),
      setup.watermarkText
        ? sharp(data, raw)
            .composite([{ input: await watermarkOverlay(info.width, info.height, { ...DEFAULT_WATERMARK, text: setup.watermarkText }) }])
            .removeAlpha()
            .webp({ quality: 80 })
            .toBuffer()
        : null,
    ])
    const folder = join(setup.outDir, String(index + 1).padStart(3, '0'))
    await mkdir(folder, { recursive: true })
    const files: Record<string, Buffer | null> = { 'thumb.webp': thumb, 'preview.webp': preview, 'web.jpg': web, 'watermarked.webp': watermarked }
    const sizes: Record<string, number> = {}
    await Promise.all(
      Object.entries(files).map(async ([name, buffer]) => {
        if (!buffer) return
        await writeFile(join(folder, name), buffer)
        sizes[name.slice(0, name.indexOf('.'))] = buffer.length
      })
    )
    return sizes
  }
  return { processOne, imageConcurrency: setup.callers }
}
