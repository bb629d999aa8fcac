/*
| Loupe's image pipeline against a bare sharp script: same photos, same concurrency.
|
| N camera-sized JPEGs (~24 MP, generated once into tmp/bench-fixtures) go through
| ImagePipeline.process (what the media.process job runs: read the original from the
| disk, thumbnail, preview, web JPEG, watermarked preview, statistics and auto tags,
| write the files) and through a plain sharp script making the same four files. Each
| side runs in its own process; rounds alternate between them so a busy machine slows
| both alike. Both run compiled, from the production build, as the job worker does, with
| the production image settings: the allocator environment, IMAGE_CONCURRENCY photos at
| a time and IMAGE_THREADS libvips threads, the same on both sides.
| Flags: --count 8, --concurrency (IMAGE_CONCURRENCY), --rounds 4, --watermark true, --rebuild true.
*/
import { fork, type ChildProcess } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { ensureJpegFixtures } from './support/fixtures.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import type { WorkerReply, WorkerSetup } from './support/images_worker.js'
import { ALLOCATOR_ENV } from '#services/images/allocator'

// 0: Loupe's own setting (IMAGE_CONCURRENCY from the environment, else config/images.ts).
const flags = parseFlags(process.argv.slice(2), { count: 8, concurrency: 0, rounds: 4, watermark: true, rebuild: true })
const env = benchEnv()
const driveRoot = resolve(ROOT, env.DRIVE_ROOT)
// Loupe's production allocator settings (scripts/start.js passes them to the server, the
// README's jobs:work command sets them): glibc reads them once, at process start, so they go
// into both sides' environment. Values already in the environment win, to try others; set
// empty (`MALLOC_ARENA_MAX=`), one is left out.
/** Media jobs the job worker runs side by side (JobWorker's and jobs:work's default). */
const JOB_CONCURRENCY = 2
const workerEnv: Record<string, string | undefined> = {
  ...process.env,
  ...env,
  DRIVE_ROOT: fromBuild(driveRoot),
  ...Object.fromEntries(Object.entries(ALLOCATOR_ENV).map(([key, value]) => [key, process.env[key] ?? value])),
  ...(flags.concurrency ? { IMAGE_CONCURRENCY: String(flags.concurrency) } : {}),
}
for (const key of Object.keys(ALLOCATOR_ENV)) if (!workerEnv[key]) delete workerEnv[key]
const bareOutput = resolve(ROOT, 'tmp/bench-bare-output')
const watermarkText = flags.watermark ? 'Loupe Studio' : null

console.log(`images: ${flags.count} photos × ${flags.rounds} rounds, ${availableParallelism()} cores, watermark ${flags.watermark ? 'on' : 'off'}`)
const fixtures = await ensureJpegFixtures('tmp/bench-fixtures', flags.count)
const megapixels = fixtures.reduce((sum, f) => sum + f.width * f.height, 0) / fixtures.length / 1e6
const megabytes = fixtures.reduce((sum, f) => sum + f.bytes, 0) / fixtures.length / 1024 / 1024
console.log(`  fixtures: ${fixtures.length} JPEGs, ${fixed(megapixels, 1)} MP and ${fixed(megabytes, 1)} MB on average`)

const build = productionBuild({ rebuild: flags.rebuild })

// The originals go onto Loupe's disk where uploads put them (media/<asset>/original.jpg).
await rm(join(driveRoot, 'media'), { recursive: true, force: true })
await rm(bareOutput, { recursive: true, force: true })
const keys = fixtures.map((_, index) => `media/bench-${String(index + 1).padStart(3, '0')}/original.jpg`)
for (const [index, key] of keys.entries()) {
  await mkdir(join(driveRoot, key, '..'), { recursive: true })
  await copyFile(fixtures[index].path, join(driveRoot, key))
}

const setup = (side: WorkerSetup['side'], callers: number, threads: number | null): WorkerSetup => ({
  side,
  files: fixtures.map((f) => resolve(ROOT, f.path)),
  keys,
  outDir: bareOutput,
  callers,
  threads,
  watermarkText,
})
// Loupe is fed photos as its job worker feeds them (JOB_CONCURRENCY jobs at once); its
// image slots let IMAGE_CONCURRENCY through. Bare sharp then gets that many photos at a
// time and the libvips threads Loupe set, so both sides work alike.
const loupeCallers = Math.max(JOB_CONCURRENCY, flags.concurrency)
const loupe = await startWorker(setup('loupe', loupeCallers, null))
const photosAtOnce = loupe.ready.imageConcurrency
const bare = await startWorker(setup('bare', photosAtOnce, loupe.ready.sharpConcurrency))
const allocator = Object.keys(ALLOCATOR_ENV).map((key) => `${key}=${workerEnv[key] ?? '(unset)'}`)
console.log(`  both sides: ${allocator.join(' ')}, ${photosAtOnce} photo(s) at a time (loupe fed ${loupeCallers} jobs at once), ${loupe.ready.sharpConcurrency} libvips threads`)
for (const [name, worker] of [['loupe', loupe], ['bare sharp', bare]] as const) {
  const outputs = Object.entries(worker.ready.outputs).map(([variant, bytes]) => `${variant} ${fixed(bytes / 1024, 0)} KB`)
  console.log(`  ${name.padEnd(10)} ready: idle rss ${worker.ready.idleRssMb} MB, sharp threads/image ${worker.ready.sharpConcurrency}; first photo → ${outputs.join(', ')}`)
}

const totals = { loupe: { wallMs: 0, cpuMs: 0 }, bare: { wallMs: 0, cpuMs: 0 } }
for (let round = 1; round <= flags.rounds; round++) {
  const order = round % 2 === 1 ? (['loupe', 'bare'] as const) : (['bare', 'loupe'] as const)
  const line: string[] = []
  for (const side of order) {
    const result = await roundOf(side === 'loupe' ? loupe : bare, round)
    totals[side].wallMs += result.wallMs
    totals[side].cpuMs += result.cpuMs
    line.push(`${side} ${fixed((flags.count * 1000) / result.wallMs)} img/s`)
  }
  console.log(`  round ${round}: ${line.join(', ')}`)
}

const loupePeak = await finish(loupe)
const barePeak = await finish(bare)
const images = flags.count * flags.rounds
const rate = (side: keyof typeof totals) => (images * 1000) / totals[side].wallMs
const cpuPerImage = (side: keyof typeof totals) => totals[side].cpuMs / images
console.log(`  cpu per image: loupe ${fixed(cpuPerImage('loupe'), 0)} ms, bare sharp ${fixed(cpuPerImage('bare'), 0)} ms (ratio ${fixed(cpuPerImage('bare') / cpuPerImage('loupe'))})`)
console.log(`  garbage collection during the rounds: loupe ${fixed(loupePeak.gcMs / images, 0)} ms per image, bare sharp ${fixed(barePeak.gcMs / images, 0)} ms`)
console.log(`  sharp operations in flight at most: loupe ${loupePeak.peakSharpOps}, bare sharp ${barePeak.peakSharpOps}`)
console.log(`  peak rss: loupe ${loupePeak.peakMb} MB (sampled ${loupePeak.sampledPeakMb}, kernel ${loupePeak.kernelPeakMb}), bare sharp ${barePeak.peakMb} MB`)
console.log(
  `images: loupe ${fixed(rate('loupe'))} img/s, bare sharp ${fixed(rate('bare'))} img/s, ratio ${ratio(rate('loupe'), rate('bare'))}, peak rss ${fixed(loupePeak.peakMb, 0)} MB`
)

interface Worker {
  child: ChildProcess
  ready: Extract<WorkerReply, { type: 'ready' }>
}

async function startWorker(workerSetup: WorkerSetup): Promise<Worker> {
  const child = fork(join(build, 'bench/support/images_worker.js'), [], {
    cwd: build,
    env: workerEnv,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  child.on('exit', (code) => {
    if (code) {
      console.error(`images: the ${workerSetup.side} worker exited with code ${code}`)
      process.exit(1)
    }
  })
  child.send(workerSetup)
  const ready = await reply(child, 'ready')
  return { child, ready }
}

function reply<T extends WorkerReply['type']>(child: ChildProcess, type: T) {
  return new Promise<Extract<WorkerReply, { type: T }>>((resolve) => {
    const listener = (message: WorkerReply) => {
      if (message.type !== type) return
      child.off('message', listener)
      resolve(message as Extract<WorkerReply, { type: T }>)
    }
    child.on('message', listener)
  })
}

async function roundOf(worker: Worker, round: number) {
  const result = reply(worker.child, 'round')
  worker.child.send({ round })
  return result
}

async function finish(worker: Worker) {
  const result = reply(worker.child, 'done')
  worker.child.send({ done: true })
  return result
}
