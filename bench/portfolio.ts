/*
| The portfolio page (60 artworks) and an artwork page against a bare hello route of the same app.
|
| Production build (node ace build → build/, run by plain node, NODE_ENV=production) on
| PostgreSQL (database loupe_bench_portfolio, dropped and migrated afresh each run). Seeds
| the demo catalogue (6 categories, ~60 published artworks with print options), counts the
| SQL statements each page sends (through a wire-protocol counting proxy), then autocannon
| on GET /portfolio, GET /artworks/:slug and GET /bench/hello as an anonymous visitor, in
| --rounds rounds that alternate the order (the machine is shared). Flags: --duration 10,
| --rounds 2, --connections 50, --warmup 3, --rebuild true, --profile false (CPU profile of the
| loaded server: top frames by self time during the portfolio runs), --kept true (false: the
| load server renders every request, as with PUBLIC_PAGE_CACHE_SECONDS=0; the query counts are
| always a render's).
*/
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import { freePort, startServer, type RunningServer } from './support/server.js'
import { seedPortfolio } from './support/portfolio_seed.js'
import { PgQueryCounter } from './support/pg_counter.js'
import { combine, load, settle, type LoadResult } from './support/load.js'
import { aceInBuild, analyzeDatabase, recreateDatabase } from './support/pg_database.js'
import { topFrames } from './support/cpu_profile.js'

const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { duration: 10, rounds: 2, connections: 50, warmup: 3, rebuild: true, profile: false, kept: true })
// BENCH_PG_DB: another loupe_bench* name when several checkouts bench at once on one PostgreSQL.
const DATABASE = /^loupe_bench\w*$/.test(process.env.BENCH_PG_DB ?? '') ? process.env.BENCH_PG_DB! : 'loupe_bench_portfolio'
const pg = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432), user: 'postgres' }
const env = benchEnv({
  DB_CONNECTION: 'pg',
  PG_HOST: pg.host,
  PG_PORT: String(pg.port),
  PG_USER: pg.user,
  BENCH_ROUTES: 'true',
  JOBS_IN_PROCESS: 'false',
})
env.PG_DB_NAME = DATABASE
env.DB_CONNECTION = 'pg'

console.log(`portfolio: autocannon ${flags.duration} s × ${flags.connections} connections, production build, PostgreSQL ${DATABASE}`)
const build = productionBuild({ rebuild: flags.rebuild })
const serverEnv = { ...env, DRIVE_ROOT: fromBuild(resolve(ROOT, env.DRIVE_ROOT)), PORT: String(await freePort(Number(process.env.PORT) || 3480)) }

await recreateDatabase(pg, DATABASE)
aceInBuild(build, cleanEnv, serverEnv, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value
const started = performance.now()
const catalogue = await seedPortfolio()
console.log(`  seeded ${catalogue.artworks} artworks in ${fixed((performance.now() - started) / 1000, 1)} s`)
await analyzeDatabase(pg, DATABASE)

const pages = { portfolio: '/portfolio', artwork: `/artworks/${catalogue.artworkSlug}` } as const
type Target = keyof typeof pages | 'hello'
const pathOf = (target: Target) => (target === 'hello' ? '/bench/hello' : pages[target])

let server: RunningServer | null = null
const counter = new PgQueryCounter({ host: pg.host, port: pg.port })
try {
  // 1. Queries per page, through the counting proxy (warm: the third view of each), as a
  // render sends them (no kept copies: an anonymous visitor's kept copy sends none).
  server = await startServer(build, { ...serverEnv, PG_PORT: String(await counter.listen()), PUBLIC_PAGE_CACHE_SECONDS: '0' }, '/bench/hello', cleanEnv)
  const perPage: Record<string, string[]> = {}
  for (const [name, path] of Object.entries(pages)) {
    for (let i = 0; i < 2; i++) await view(server.url + path, name)
    counter.take()
    await view(server.url + path, name)
    perPage[name] = counter.take().map((q) => q.sql).filter((sql) => !/^select version\(\)/i.test(sql))
  }
  await server.stop()
  server = null
  await counter.close()
  for (const [name, queries] of Object.entries(perPage)) {
    console.log(`  queries per ${name} page: ${queries.length}`)
    queries.forEach((sql, index) => console.log(`    ${index + 1}. ${sql.replace(/\s+/g, ' ').slice(0, 160)}`))
  }
  const queriesPerPage = Math.max(...Object.values(perPage).map((q) => q.length))

  // 2. Load, on a fresh server connected straight to PostgreSQL.
  const profileDir = resolve(ROOT, 'tmp/bench-profiles')
  if (flags.profile) {
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
  }
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  const loadEnv = flags.kept ? serverEnv : { ...serverEnv, PUBLIC_PAGE_CACHE_SECONDS: '0' }
  console.log(`  anonymous visitors ${flags.kept ? 'get kept copies (PUBLIC_PAGE_CACHE_SECONDS default)' : 'get a fresh render every time (--kept=false)'}`)
  server = await startServer(build, loadEnv, '/bench/hello', cleanEnv, nodeArgs)
  const html = await view(server.url + pages.portfolio, 'portfolio')
  console.log(`  server pid ${server.pid} on ${server.url}; portfolio ${fixed(html.length / 1024, 0)} KB of HTML, ${(html.match(/class="artwork-card"/g) ?? []).length} artworks`)
  const options = { connections: flags.connections, duration: flags.warmup }
  for (const target of ['portfolio', 'artwork', 'hello'] as const) await load(server.url + pathOf(target), options)
  const runs: Record<Target, LoadResult[]> = { portfolio: [], artwork: [], hello: [] }
  const portfolioPhases: Array<{ from: number; to: number }> = []
  for (let round = 0; round < flags.rounds; round++) {
    const order: Target[] = round % 2 === 0 ? ['hello', 'portfolio', 'artwork'] : ['artwork', 'portfolio', 'hello']
    for (const target of order) {
      await settle(server.url + '/bench/hello')
      const from = monotonicMicros()
      const run = await load(server.url + pathOf(target), { ...options, duration: flags.duration })
      if (target === 'portfolio') portfolioPhases.push({ from, to: monotonicMicros() })
      runs[target].push(run)
      console.log(`  round ${round + 1} ${target.padEnd(9)} ${fixed(run.average, 1)} req/s, p99 ${fixed(run.p99, 0)} ms`)
    }
  }
  const result = { portfolio: combine(runs.portfolio), artwork: combine(runs.artwork), hello: combine(runs.hello) }
  for (const [name, run] of Object.entries(result)) {
    console.log(
      `  ${name.padEnd(9)} ${fixed(run.average, 1)} req/s (${run.total} requests, ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts), latency p50 ${fixed(run.p50, 0)} ms, p95 ${fixed(run.p95, 0)} ms, p99 ${fixed(run.p99, 0)} ms`
    )
  }
  if (Object.values(result).some((run) => run.non2xx || run.errors)) {
    console.log('  warning: some responses were not 200: the figures below are not to be trusted')
  }
  await server.stop()
  server = null
  if (flags.profile) printProfile(profileDir, portfolioPhases)
  const { portfolio, artwork, hello } = result
  console.log(
    `portfolio: ${fixed(portfolio.average, 1)} req/s, artwork ${fixed(artwork.average, 1)} req/s, hello ${fixed(hello.average, 1)} req/s, ratio ${ratio(portfolio.average, hello.average)}, p99 ${fixed(portfolio.p99, 0)} ms, queries/page ${queriesPerPage}`
  )
} finally {
  if (server) await server.stop()
}

/** GET a page; checks it is the page, not an error. */
async function view(url: string, name: string) {
  const response = await fetch(url)
  const html = await response.text()
  const marker = name === 'portfolio' ? 'class="artwork-grid"' : 'class="artwork"'
  if (response.status !== 200 || !html.includes(marker)) throw new Error(`GET ${url} → ${response.status}: not the ${name} page`)
  return html
}

/** The top frames of the loaded server's profile during the portfolio runs (first round's phase). */
function printProfile(dir: string, phases: Array<{ from: number; to: number }>) {
  const [file] = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
  if (!file || !phases.length) return console.log('  no CPU profile was written')
  const top = topFrames(resolve(dir, file), 25, phases[0])
  console.log(`  CPU profile ${resolve(dir, file)}: top frames by self time, portfolio phase (${top.samples} samples)`)
  top.frames.forEach((line) => console.log(`    ${line}`))
}

/** The clock a V8 CPU profile's timestamps use (monotonic, µs). */
function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n)
}
