/*
| A published gallery page for a signed-in visitor against a bare hello route of the same app.
|
| Production build (node ace build → build/, run by plain node, NODE_ENV=production) on
| PostgreSQL (database loupe_bench, dropped and migrated afresh each run). Seeds a
| published gallery of --photos photos (ready media assets) and one of 5, enters them as a
| visitor through the real form (cookies kept), counts the SQL statements one page view
| sends (through a wire-protocol counting proxy), then autocannon on GET /g/:slug and on
| GET /bench/hello, same cookies and `Accept-Encoding: gzip, deflate, br` as a browser sends,
| after a warm-up. Flags: --photos 500, --duration 10, --connections 50, --warmup 3,
| --rebuild true, --profile false (CPU profile of the loaded server: its top frames during the
| gallery phase), --gzip true (false: no Accept-Encoding, the page goes out plain), --kept true
| (false: GALLERY_PAGE_CACHE_SECONDS=0, every view rendered).
*/
import autocannon from 'autocannon'
import pg from 'pg'
import { resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import { freePort, startServer, type RunningServer } from './support/server.js'
import { seedGalleries } from './support/gallery_seed.js'
import { enterGallery } from './support/visitor_cookies.js'
import { PgQueryCounter } from './support/pg_counter.js'
import { topFrames } from './support/cpu_profile.js'
import { cpuPer, cpuSplit } from './support/cpu_split.js'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'

// Booting Loupe here (to seed) loads the checkout's .env into process.env: the server
// and ace get the environment as it was before, plus exactly what the bench sets.
const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { photos: 500, duration: 10, connections: 50, warmup: 3, rebuild: true, profile: false, gzip: true, kept: true })
const SMALL = 5
const pgTarget = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432) }
const env = benchEnv({
  DB_CONNECTION: 'pg',
  PG_DB_NAME: 'loupe_bench',
  PG_HOST: pgTarget.host,
  PG_PORT: String(pgTarget.port),
  PG_USER: 'postgres',
  BENCH_ROUTES: 'true',
  // The production default, said out loud: no job polling inside the measured server.
  JOBS_IN_PROCESS: 'false',
  GALLERY_PAGE_CACHE_SECONDS: flags.kept ? '60' : '0',
})
// The database is the bench's own, always: never point it at a real one by accident
// (BENCH_PG_DB picks another loupe_bench* name when several checkouts bench at once).
env.PG_DB_NAME = /^loupe_bench\w*$/.test(process.env.BENCH_PG_DB ?? '') ? process.env.BENCH_PG_DB! : 'loupe_bench'
env.DB_CONNECTION = 'pg'

console.log(`gallery: ${flags.photos} photos, autocannon ${flags.duration} s × ${flags.connections} connections, production build, PostgreSQL ${env.PG_DB_NAME}`)
const build = productionBuild({ rebuild: flags.rebuild })
const serverEnv = { ...env, DRIVE_ROOT: fromBuild(resolve(ROOT, env.DRIVE_ROOT)), PORT: String(await freePort(Number(process.env.PORT) || 3460)) }

await recreateDatabase()
ace(build, serverEnv, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value
const counts = flags.photos === SMALL ? [flags.photos] : [flags.photos, SMALL]
const started = performance.now()
const galleries = await seedGalleries(counts)
console.log(`  seeded ${counts.map((n) => `${n}-photo`).join(' and ')} galleries in ${fixed((performance.now() - started) / 1000, 1)} s`)
// A live database has planner statistics (autovacuum analyses it); one seeded a second ago
// has none yet, and PostgreSQL would plan the photos query blind.
await analyzeDatabase()

let server: RunningServer | null = null
const counter = new PgQueryCounter(pgTarget)
try {
  // 1. Query count: one server whose database connections go through the counting proxy.
  server = await startServer(build, { ...serverEnv, PG_PORT: String(await counter.listen()) }, '/bench/hello', cleanEnv)
  const perGallery: { photos: number; queries: number; sql: string[] }[] = []
  for (const gallery of galleries) {
    const cookie = await enterGallery(server.url, gallery.slug, gallery.accessCode, gallery.visitorEmail)
    const url = `${server.url}/g/${gallery.slug}`
    for (let i = 0; i < 3; i++) await page(url, cookie, gallery.photos)
    const runs = []
    for (let i = 0; i < 3; i++) {
      counter.take()
      await page(url, cookie, gallery.photos)
      runs.push(counter.take().map((q) => q.sql))
    }
    const worst = runs.reduce((a, b) => (b.length > a.length ? b : a))
    perGallery.push({ photos: gallery.photos, queries: worst.length, sql: worst })
  }
  counter.take()
  await page(`${server.url}/bench/hello`, '', null)
  const helloQueries = counter.take().length
  await server.stop()
  server = null
  await counter.close()

  const main = perGallery[0]
  console.log(`  queries per gallery page: ${perGallery.map((g) => `${g.photos} photos → ${g.queries}`).join(', ')}; hello → ${helloQueries}`)
  main.sql.forEach((sql, index) => console.log(`    ${index + 1}. ${sql.replace(/\s+/g, ' ')}`))

  // 2. Load: a fresh server connected straight to PostgreSQL.
  const profileDir = resolve(ROOT, 'tmp/bench-profiles')
  if (flags.profile) {
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
  }
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  server = await startServer(build, serverEnv, '/bench/hello', cleanEnv, nodeArgs)
  const gallery = galleries[0]
  const cookie = await enterGallery(server.url, gallery.slug, gallery.accessCode, gallery.visitorEmail)
  const html = await page(`${server.url}/g/${gallery.slug}`, cookie, gallery.photos)
  const pageBytes = Buffer.byteLength(html)
  writeFileSync(resolve(ROOT, 'tmp/bench-gallery-page.html'), html)
  console.log(`  server pid ${server.pid} on ${server.url}; gallery page ${fixed(pageBytes / 1024, 0)} KB of HTML (tmp/bench-gallery-page.html)`)

  const galleryUrl = `${server.url}/g/${gallery.slug}`
  const helloUrl = `${server.url}/bench/hello`
  await load(galleryUrl, cookie, flags.warmup)
  await load(helloUrl, cookie, flags.warmup)
  await settle(helloUrl)
  const helloCpu = cpuSplit(server.pid)
  const helloRun = await load(helloUrl, cookie, flags.duration)
  const helloCpuPer = cpuPer(helloCpu, cpuSplit(server.pid), helloRun.requests.total)
  await settle(helloUrl)
  const galleryFrom = monotonicMicros()
  const galleryCpu = cpuSplit(server.pid)
  const galleryRun = await load(galleryUrl, cookie, flags.duration)
  const galleryCpuPer = cpuPer(galleryCpu, cpuSplit(server.pid), galleryRun.requests.total)
  const galleryTo = monotonicMicros()
  if (flags.profile) console.log(`  gallery phase ${galleryFrom}..${galleryTo} µs`)
  await settle(helloUrl)
  for (const [name, run] of [['gallery', galleryRun], ['hello', helloRun]] as const) {
    console.log(
      `  ${name.padEnd(7)} ${fixed(run.requests.average, 1)} req/s (${run.requests.total} requests, ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts), latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${fixed(run.throughput.total / run.requests.total / 1024, 1)} KB a response on the wire`
    )
  }
  // Throughput on a shared VM swings with its neighbours; CPU per request swings less.
  console.log(`  CPU per request: gallery ${galleryCpuPer}; hello ${helloCpuPer}`)
  if (galleryRun.non2xx || galleryRun.errors || helloRun.non2xx || helloRun.errors) {
    console.log('  warning: some responses were not 200: the figures below are not to be trusted')
  }
  await server.stop()
  server = null
  if (flags.profile) {
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
    if (!file) console.log('  no CPU profile was written')
    else {
      const top = topFrames(resolve(profileDir, file), 25, { from: galleryFrom, to: galleryTo })
      console.log(`  CPU profile ${resolve(profileDir, file)}: top frames by self time, gallery phase (${top.samples} samples)`)
      top.frames.forEach((line) => console.log(`    ${line}`))
    }
  }

  console.log(
    `gallery: ${fixed(galleryRun.requests.average, 1)} req/s, hello ${fixed(helloRun.requests.average, 1)} req/s, ratio ${ratio(galleryRun.requests.average, helloRun.requests.average)}, p99 ${galleryRun.latency.p99} ms, queries/page ${main.queries}`
  )
} finally {
  if (server) await server.stop()
}

/** GET a page as the visitor; for a gallery, checks it is the grid of all its photos, not the entry form. */
async function page(url: string, cookie: string, photos: number | null) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`GET ${url} → ${response.status}`)
  if (photos !== null) {
    // The grid comes a page at a time: its first tiles, and the count of all of them.
    const shown = html.split('<li class="photo ').length - 1
    if (shown === 0 || shown > photos || !html.includes(`data-total="${photos}"`)) {
      throw new Error(`GET ${url} showed ${shown} photos, expected a grid of ${photos}`)
    }
  }
  return html
}

/** The clock a V8 CPU profile's timestamps use (monotonic, µs). */
function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n)
}

/** A slow page is measured, not dropped: autocannon's 10 s default timeout would count it as errors. */
function load(url: string, cookie: string, duration: number) {
  const headers: Record<string, string> = { cookie }
  if (flags.gzip) headers['accept-encoding'] = 'gzip, deflate, br'
  return autocannon({ url, connections: flags.connections, duration, timeout: 120, headers })
}

/**
 * Requests autocannon gave up on at the end of a run are still being served: waits until
 * a lone hello answers quickly again, so one run's backlog doesn't slow the next.
 */
async function settle(helloUrl: string) {
  const deadline = Date.now() + 120_000
  let quick = 0
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now()
    await (await fetch(helloUrl)).text()
    quick = performance.now() - started < 25 ? quick + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function recreateDatabase() {
  const client = new pg.Client({ ...pgTarget, user: env.PG_USER, password: process.env.PG_PASSWORD || undefined, database: 'postgres' })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${env.PG_DB_NAME} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${env.PG_DB_NAME}`)
  } finally {
    await client.end()
  }
}

async function analyzeDatabase() {
  const client = new pg.Client({ ...pgTarget, user: env.PG_USER, password: process.env.PG_PASSWORD || undefined, database: env.PG_DB_NAME })
  await client.connect()
  try {
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
}

function ace(cwd: string, aceEnv: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['ace.js', ...args], { cwd, env: { ...cleanEnv, ...aceEnv }, encoding: 'utf8' })
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`node ace ${args.join(' ')} failed`)
  }
}
