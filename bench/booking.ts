/*
| Month availability of one package (3 photographers, 5,000 sessions) against a bare hello route of the same app.
|
| Production build (node ace build → build/, run by plain node, NODE_ENV=production) on
| PostgreSQL (database loupe_bench_booking, dropped and migrated afresh each run). Seeds the
| studio (hours with two sets, three photographers' weeks, a 60-minute package, --sessions
| sessions over the months around the one measured), counts the SQL statements one view
| sends (through a wire-protocol counting proxy), then autocannon on the month view and slot
| list (GET /packages/:slug/availability?month=…&date=…, as a guest browsing) and on
| GET /bench/hello, in --rounds rounds that alternate which goes first (the machine is
| shared: whatever else runs slows both alike). Flags: --sessions 5000, --duration 10,
| --rounds 2, --connections 50, --warmup 3, --rebuild true.
*/
import { resolve } from 'node:path'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import { freePort, startServer, type RunningServer } from './support/server.js'
import { seedBookingStudio } from './support/booking_seed.js'
import { PgQueryCounter } from './support/pg_counter.js'
import { combine, load, settle, type LoadResult } from './support/load.js'
import { aceInBuild, analyzeDatabase, recreateDatabase } from './support/pg_database.js'

const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { sessions: 5000, duration: 10, rounds: 2, connections: 50, warmup: 3, rebuild: true })
const DATABASE = 'loupe_bench_booking'
const pg = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432), user: 'postgres' }
const env = benchEnv({
  DB_CONNECTION: 'pg',
  PG_HOST: pg.host,
  PG_PORT: String(pg.port),
  PG_USER: pg.user,
  BENCH_ROUTES: 'true',
  JOBS_IN_PROCESS: 'false',
})
// The database is the bench's own, always.
env.PG_DB_NAME = DATABASE
env.DB_CONNECTION = 'pg'

console.log(`booking: ${flags.sessions} sessions, autocannon ${flags.duration} s × ${flags.connections} connections, production build, PostgreSQL ${DATABASE}`)
const build = productionBuild({ rebuild: flags.rebuild })
const serverEnv = { ...env, DRIVE_ROOT: fromBuild(resolve(ROOT, env.DRIVE_ROOT)), PORT: String(await freePort(Number(process.env.PORT) || 3470)) }

await recreateDatabase(pg, DATABASE)
aceInBuild(build, cleanEnv, serverEnv, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value
const started = performance.now()
const studio = await seedBookingStudio(flags.sessions)
console.log(`  seeded ${studio.sessions} sessions in ${fixed((performance.now() - started) / 1000, 1)} s; measuring ${studio.month} (day ${studio.date})`)
await analyzeDatabase(pg, DATABASE)

const path = `/packages/${studio.packageSlug}/availability?month=${studio.month}&date=${studio.date}`
let server: RunningServer | null = null
const counter = new PgQueryCounter({ host: pg.host, port: pg.port })
try {
  // 1. Queries per view, through the counting proxy.
  server = await startServer(build, { ...serverEnv, PG_PORT: String(await counter.listen()) }, '/bench/hello', cleanEnv)
  // The first view reads the studio's schedule (cold); the next ones share it for a few seconds.
  counter.take()
  await view(server.url + path)
  // `select version()` is the database driver's handshake on a new connection, not the page's.
  const cold = counter.take().map((q) => q.sql).filter((sql) => !/^select version\(\)/i.test(sql))
  for (let i = 0; i < 2; i++) await view(server.url + path)
  const counted: string[][] = []
  for (let i = 0; i < 3; i++) {
    counter.take()
    await view(server.url + path)
    counted.push(counter.take().map((q) => q.sql))
  }
  const warm = counted.reduce((a, b) => (b.length > a.length ? b : a))
  const worst = cold.length >= warm.length ? cold : warm
  counter.take()
  await fetch(server.url + '/bench/hello')
  const helloQueries = counter.take().length
  await server.stop()
  server = null
  await counter.close()
  console.log(`  queries per month view: ${cold.length} cold, ${warm.length} warm; hello → ${helloQueries}`)
  worst.forEach((sql, index) => console.log(`    ${index + 1}. ${sql.replace(/\s+/g, ' ').slice(0, 160)}`))

  // 2. Load, on a fresh server connected straight to PostgreSQL.
  server = await startServer(build, serverEnv, '/bench/hello', cleanEnv)
  const html = await view(server.url + path)
  console.log(`  server pid ${server.pid} on ${server.url}; month view ${fixed(html.length / 1024, 0)} KB of HTML, ${(html.match(/class="slot"/g) ?? []).length} free times that day`)
  const options = { connections: flags.connections, duration: flags.warmup }
  await load(server.url + path, options)
  await load(server.url + '/bench/hello', options)
  const runs: Record<'month' | 'hello', LoadResult[]> = { month: [], hello: [] }
  for (let round = 0; round < flags.rounds; round++) {
    const order = round % 2 === 0 ? (['hello', 'month'] as const) : (['month', 'hello'] as const)
    for (const name of order) {
      await settle(server.url + '/bench/hello')
      const run = await load(server.url + (name === 'month' ? path : '/bench/hello'), { ...options, duration: flags.duration })
      runs[name].push(run)
      console.log(`  round ${round + 1} ${name.padEnd(5)} ${fixed(run.average, 1)} req/s, p95 ${fixed(run.p95, 0)} ms`)
    }
  }
  await settle(server.url + '/bench/hello')
  const month = combine(runs.month)
  const hello = combine(runs.hello)
  for (const [name, run] of [['month', month], ['hello', hello]] as const) {
    console.log(
      `  ${name.padEnd(5)} ${fixed(run.average, 1)} req/s (${run.total} requests, ${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts), latency p50 ${fixed(run.p50, 0)} ms, p95 ${fixed(run.p95, 0)} ms, p99 ${fixed(run.p99, 0)} ms`
    )
  }
  if (month.non2xx || month.errors || hello.non2xx || hello.errors) {
    console.log('  warning: some responses were not 200: the figures below are not to be trusted')
  }
  await server.stop()
  server = null
  console.log(
    `booking: month ${fixed(month.average, 1)} req/s, hello ${fixed(hello.average, 1)} req/s, ratio ${ratio(month.average, hello.average)}, p95 ${fixed(month.p95, 0)} ms, queries/view ${worst.length}`
  )
} finally {
  if (server) await server.stop()
}

/** GET the month view; checks it is the calendar with free times, not an error page. */
async function view(url: string) {
  const response = await fetch(url)
  const html = await response.text()
  if (response.status !== 200 || !html.includes('id="availability"') || !html.includes('month__day')) {
    throw new Error(`GET ${url} → ${response.status}: not the month view`)
  }
  return html
}
