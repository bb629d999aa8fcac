/*
| Front-desk check-ins on a day of 200 sessions (htmx POST, then the board fragment) against a bare hello route of the same app.
|
| Production build on PostgreSQL (database loupe_bench_kiosk, dropped and migrated afresh).
| Seeds today's sessions, pairs a tablet and signs a staff member in by PIN over HTTP, counts
| the SQL statements one check-in sends (wire-protocol counting proxy), then: --rounds rounds
| of checking every session in with --connections concurrent tablets, each check-in followed
| by a GET of the board fragment naming the board the tablet holds (X-Board-Since, as
| kiosk_board.js does: the changed cards only) (the check-in POST's latency gives the p95; sessions are put
| back to confirmed between rounds; a first round warms up, unmeasured), and autocannon on the board fragment as tablets poll it
| (If-None-Match of the last board each connection got: the last line's board figure), on the
| full fragment (no If-None-Match, printed apart) and on GET /bench/hello (alternating order).
| Last, the floor: the same check-in rounds against bench/support/bare_kiosk_server.ts, which
| sends the same statements per check-in and board from node:http and pg alone.
| Flags: --sessions 200, --connections 10, --duration 10, --rounds 2, --warmup 3, --rebuild true,
| --profile false (CPU profile of the load server: top frames of the check-in rounds and of the
| full-render board phase).
*/
import pg from 'pg'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { topFrames } from './support/cpu_profile.js'
import { cpuPer, cpuSplit } from './support/cpu_split.js'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import { freePort, startServer, type RunningServer } from './support/server.js'
import { seedKioskDay, tabletSession } from './support/kiosk_seed.js'
import { PgQueryCounter } from './support/pg_counter.js'
import { plainClient } from './support/http_client.js'
import { combine, load, settle, type LoadResult } from './support/load.js'
import { aceInBuild, analyzeDatabase, recreateDatabase } from './support/pg_database.js'

const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { sessions: 200, connections: 10, duration: 10, rounds: 2, warmup: 3, rebuild: true, profile: false })
const DATABASE = 'loupe_bench_kiosk'
const pgTarget = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432), user: 'postgres' }
const env = benchEnv({ DB_CONNECTION: 'pg', PG_HOST: pgTarget.host, PG_PORT: String(pgTarget.port), PG_USER: pgTarget.user, BENCH_ROUTES: 'true', JOBS_IN_PROCESS: 'false' })
env.PG_DB_NAME = DATABASE
env.DB_CONNECTION = 'pg'

console.log(`kiosk: ${flags.sessions} sessions today, ${flags.connections} tablets, production build, PostgreSQL ${DATABASE}`)
const build = productionBuild({ rebuild: flags.rebuild })
const serverEnv = { ...env, DRIVE_ROOT: fromBuild(resolve(ROOT, env.DRIVE_ROOT)), PORT: String(await freePort(Number(process.env.PORT) || 3480)) }

await recreateDatabase(pgTarget, DATABASE)
aceInBuild(build, cleanEnv, serverEnv, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value
const day = await seedKioskDay(flags.sessions)
await analyzeDatabase(pgTarget, DATABASE)
const database = new pg.Client({ ...pgTarget, password: process.env.PG_PASSWORD || undefined, database: DATABASE })
await database.connect()
const probeClient = plainClient(1)
const resetDay = () => database.query(`UPDATE photo_sessions SET status = 'confirmed', checked_in_at = NULL, checked_in_by = NULL, kiosk_device_id = NULL`)

let server: RunningServer | null = null
const counter = new PgQueryCounter({ host: pgTarget.host, port: pgTarget.port })
try {
  // 1. Queries per check-in, through the counting proxy (a fresh session each time; the worst of three).
  server = await startServer(build, { ...serverEnv, PG_PORT: String(await counter.listen()) }, '/bench/hello', cleanEnv)
  let tablet = await tabletSession(server.url, day.code, day.staffId)
  await checkIn(server.url, day.sessionIds[0], postHeaders(tablet))
  const counted: string[][] = []
  const boardCounted: string[][] = []
  const countedHeaders = { cookie: tablet.cookie, 'hx-request': 'true' }
  let heldBoard = etagOf(await (await fetch(`${server.url}/kiosk`, { headers: countedHeaders })).text())
  const sqlOf = () => counter.take().map((q) => q.sql).filter((sql) => !/^select version\(\)/i.test(sql))
  for (const id of day.sessionIds.slice(1, 4)) {
    counter.take()
    await checkIn(server.url, id, postHeaders(tablet))
    counted.push(sqlOf())
    const board = await fetch(`${server.url}/kiosk`, { headers: { ...countedHeaders, 'x-board-since': heldBoard } })
    await board.text()
    heldBoard = board.headers.get('etag') ?? heldBoard
    boardCounted.push(sqlOf())
  }
  const worst = counted.reduce((a, b) => (b.length > a.length ? b : a))
  const worstBoard = boardCounted.reduce((a, b) => (b.length > a.length ? b : a))
  await server.stop()
  server = null
  await counter.close()
  console.log(`  queries per check-in: ${worst.length}`)
  worst.forEach((sql, index) => console.log(`    ${index + 1}. ${sql.replace(/\s+/g, ' ').slice(0, 160)}`))
  console.log(`  queries per board refresh after it (changed cards): ${worstBoard.length}`)
  worstBoard.forEach((sql, index) => console.log(`    ${index + 1}. ${sql.replace(/\s+/g, ' ').slice(0, 160)}`))
  writeFileSync(resolve(ROOT, 'tmp/bench-kiosk-queries.sql'), [...worst, ...worstBoard].map((sql) => `${sql.replace(/\s+/g, ' ')};`).join('\n') + '\n')

  // 2. Load, on a fresh server connected straight to PostgreSQL, as a second paired tablet.
  await resetDay()
  await database.query(`UPDATE kiosk_devices SET revoked_at = NULL`)
  const profileDir = resolve(ROOT, 'tmp/bench-profiles')
  if (flags.profile) {
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
  }
  server = await startServer(build, serverEnv, '/bench/hello', cleanEnv, flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])
  tablet = await tabletSessionAgain(server.url)
  const headers = { 'cookie': tablet.cookie, 'hx-request': 'true' }
  const boardUrl = server.url + '/kiosk'
  const first = await fetch(boardUrl, { headers })
  const html = await first.text()
  if (first.status !== 200 || (html.match(/data-session-id=/g) ?? []).length !== flags.sessions) throw new Error(`the board fragment does not list the ${flags.sessions} sessions`)
  console.log(`  server pid ${server.pid} on ${server.url}; board fragment ${fixed(html.length / 1024, 0)} KB`)

  let checkInFrom = 0
  let checkInTo = 0
  const app = await checkInRounds({
    label: 'app',
    baseUrl: server.url,
    pid: server.pid,
    held: etagOf(html),
    headers,
    checkInHeaders: postHeaders(tablet),
    window: (from, to) => ((checkInFrom = from), (checkInTo = to)),
  })
  const p95 = app.p95

  // The board as tablets poll it: with the ETag of the fragment they hold (304 while nothing
  // changed), and as a full render of the cached fragment (no If-None-Match), both against hello.
  const current = await fetch(boardUrl, { headers })
  await current.text()
  const etag = current.headers.get('etag')
  if (!etag) throw new Error('the board fragment has no ETag')
  const urls = { poll: boardUrl, board: boardUrl, hello: server.url + '/bench/hello' }
  const headersOf = { poll: headers, board: headers, hello: {} }
  // Like a tablet, a poll sends the ETag of the latest board given out (autocannon resets a
  // connection's context after each request, so the latest ETag is kept here).
  let latestEtag = etag
  const requestsOf = {
    poll: [
      {
        setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, 'if-none-match': latestEtag } }),
        onResponse: (_status: number, _body: string, _context: unknown, responseHeaders?: Record<string, string | string[] | undefined>) => {
          // autocannon keeps the header names' case as sent.
          const name = Object.keys(responseHeaders ?? {}).find((key) => key.toLowerCase() === 'etag')
          const value = name && responseHeaders![name]
          if (typeof value === 'string') latestEtag = value
        },
      },
    ],
    board: undefined,
    hello: undefined,
  }
  const options = { connections: flags.connections, duration: flags.warmup }
  for (const name of ['board', 'poll', 'hello'] as const) await load(urls[name], { ...options, headers: headersOf[name], requests: requestsOf[name] })
  const runs: Record<'poll' | 'board' | 'hello', LoadResult[]> = { poll: [], board: [], hello: [] }
  const boardWindows: { from: number; to: number }[] = []
  for (let round = 0; round < flags.rounds; round++) {
    const order = round % 2 === 0 ? (['hello', 'poll', 'board'] as const) : (['board', 'poll', 'hello'] as const)
    for (const name of order) {
      await settle(server.url + '/bench/hello')
      const from = monotonicMicros()
      const run = await load(urls[name], { ...options, duration: flags.duration, headers: headersOf[name], requests: requestsOf[name] })
      runs[name].push(run)
      if (name === 'board') boardWindows.push({ from, to: monotonicMicros() })
      console.log(`  round ${round + 1} ${name.padEnd(5)} ${fixed(run.average, 1)} req/s, p95 ${fixed(run.p95, 0)} ms`)
    }
  }
  const poll = combine(runs.poll)
  const board = combine(runs.board)
  const hello = combine(runs.hello)
  for (const [name, run] of [['poll', poll], ['board', board], ['hello', hello]] as const) {
    const statuses = Object.entries(run.statuses).map(([status, count]) => `${count}×${status}`).join(', ')
    console.log(`  ${name.padEnd(5)} ${fixed(run.average, 1)} req/s (${run.total} requests: ${statuses}; ${run.errors} errors), latency p50 ${fixed(run.p50, 0)} ms, p95 ${fixed(run.p95, 0)} ms`)
  }
  const unexpected = (run: LoadResult, status: number) => run.errors > 0 || (run.statuses[status] ?? 0) !== run.total
  const pollOk = poll.errors === 0 && (poll.statuses[200] ?? 0) + (poll.statuses[304] ?? 0) === poll.total
  if (!pollOk || unexpected(board, 200) || unexpected(hello, 200)) console.log('  warning: some responses had an unexpected status: the figures below are not to be trusted')
  console.log(`  board full render (no If-None-Match): ${fixed(board.average, 1)} req/s, ratio ${ratio(board.average, hello.average)}`)
  await server.stop()
  server = null
  if (flags.profile) {
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
    if (!file) console.log('  no CPU profile was written')
    else {
      const windows = [['check-in rounds', { from: checkInFrom, to: checkInTo }], ['board full-render phase (first round)', boardWindows[0]]] as const
      for (const [phase, window] of windows) {
        const top = topFrames(resolve(profileDir, file), 25, window)
        console.log(`  CPU profile ${resolve(profileDir, file)}: top frames by self time, ${phase} ${window.from}..${window.to} µs (${top.samples} samples)`)
        top.frames.forEach((line) => console.log(`    ${line}`))
      }
    }
  }
  // 3. The floor: the same statements per check-in and board, from node:http and pg alone.
  const bounds = await database.query(`SELECT min(starts_at) AS "from", max(starts_at) + interval '1 millisecond' AS "to" FROM photo_sessions`)
  const bareToken = 'bench-bare-tablet'
  await database.query(`UPDATE kiosk_devices SET token_hash = $1`, [sha256Hex(bareToken)])
  server = await startServer(
    build,
    { HOST: '127.0.0.1', PORT: serverEnv.PORT, PG_HOST: pgTarget.host, PG_PORT: String(pgTarget.port), PG_DB_NAME: DATABASE, DAY_FROM: bounds.rows[0].from.toISOString(), DAY_TO: bounds.rows[0].to.toISOString() },
    '/bench/hello',
    cleanEnv,
    [],
    'bench/support/bare_kiosk_server.js'
  )
  const bareHeaders = { 'x-bare-user': day.staffId, 'x-bare-token': bareToken }
  const bareFirst = await probeClient.request(server.url + '/kiosk', { headers: bareHeaders })
  const bare = await checkInRounds({ label: 'floor', baseUrl: server.url, pid: server.pid, held: etagOf(bareFirst.body), headers: bareHeaders, checkInHeaders: bareHeaders })
  await server.stop()
  server = null
  console.log(`  floor (node:http + pg, the same statements, no framework): check-in p50 ${fixed(bare.p50, 1)} ms, p95 ${fixed(bare.p95, 1)} ms; the app: p50 ${fixed(app.p50, 1)} ms, p95 ${fixed(app.p95, 1)} ms`)
  console.log(
    `kiosk: checkin p95 ${fixed(p95, 1)} ms, board ${fixed(poll.average, 1)} req/s, hello ${fixed(hello.average, 1)} req/s, ratio ${ratio(poll.average, hello.average)}, queries/checkin ${worst.length}`
  )
} finally {
  if (server) await server.stop()
  probeClient.close()
  await database.end()
}

/** One htmx check-in POST; returns its latency (ms) after checking it was accepted. */
async function checkIn(baseUrl: string, id: string, headers: Record<string, string>, client = probeClient) {
  const started = performance.now()
  const response = await client.request(`${baseUrl}/kiosk/sessions/${id}/check-in`, { method: 'POST', headers })
  const elapsed = performance.now() - started
  if (response.status !== 200 || !response.body.includes('data-status="checked_in"')) throw new Error(`check-in ${id} → ${response.status}`)
  return elapsed
}

/** A signed-in tablet's check-in headers, as htmx sends them. */
function postHeaders(tablet: { cookie: string; csrf: string }) {
  return { 'cookie': tablet.cookie, 'x-csrf-token': tablet.csrf, 'hx-request': 'true' }
}

/**
 * --rounds rounds (after an unmeasured warm-up) of checking the whole day in with
 * --connections tablets, each check-in followed by the board fragment naming the board the
 * tablet holds; sessions are put back to confirmed before each round. Prints each round and
 * the server's, the load generator's and PostgreSQL's CPU per check-in and its board.
 */
async function checkInRounds(target: {
  label: string
  baseUrl: string
  pid: number
  held: string
  headers: Record<string, string>
  checkInHeaders: Record<string, string>
  window?: (from: number, to: number) => void
}) {
  const client = plainClient(flags.connections)
  const boardUrl = target.baseUrl + '/kiosk'
  const checkInTimes: number[] = []
  const deltas = { delta: 0, full: 0 }
  let from = monotonicMicros()
  let cpuBefore = cpuSplit(target.pid)
  // Round 0 is the warm-up (JIT, lazily imported controllers, compiled templates): not measured.
  for (let round = 0; round <= flags.rounds; round++) {
    if (round === 1) {
      checkInTimes.length = 0
      deltas.delta = deltas.full = 0
      from = monotonicMicros()
      cpuBefore = cpuSplit(target.pid)
    }
    const timesBefore = checkInTimes.length
    await resetDay()
    const queue = [...day.sessionIds]
    const started = performance.now()
    await Promise.all(
      Array.from({ length: flags.connections }, async () => {
        // Like kiosk_board.js, each tablet names the board it holds and gets the cards changed since.
        let held = target.held
        for (let id = queue.shift(); id; id = queue.shift()) {
          checkInTimes.push(await checkIn(target.baseUrl, id, target.checkInHeaders, client))
          const board = await client.request(boardUrl, { headers: { ...target.headers, 'x-board-since': held } })
          if (board.status !== 200 || !board.body.includes(`data-session-id="${id}"`)) throw new Error(`the board after checking ${id} in → ${board.status}, without its card`)
          deltas[board.headers['x-board'] === 'delta' ? 'delta' : 'full']++
          held = (board.headers.etag as string | undefined) ?? held
        }
      })
    )
    const times = checkInTimes.slice(timesBefore).sort((a, b) => a - b)
    console.log(
      `  ${target.label} ${round === 0 ? 'warm-up' : `round ${round}`}: ${flags.sessions} check-ins (each then the board) in ${fixed((performance.now() - started) / 1000, 1)} s, check-in p50 ${fixed(times[Math.floor(times.length / 2)], 1)} ms, p95 ${fixed(times[Math.floor(0.95 * times.length)], 1)} ms; boards: ${deltas.delta} changed cards only, ${deltas.full} whole`
    )
  }
  target.window?.(from, monotonicMicros())
  client.close()
  console.log(`  ${target.label}: CPU per check-in and its board: ${cpuPer(cpuBefore, cpuSplit(target.pid), flags.rounds * flags.sessions)}`)
  checkInTimes.sort((a, b) => a - b)
  const p50 = checkInTimes[Math.floor(checkInTimes.length / 2)]
  const p95 = checkInTimes[Math.min(checkInTimes.length - 1, Math.floor(0.95 * checkInTimes.length))]
  console.log(`  ${target.label}: check-in latency p50 ${fixed(p50, 1)} ms, p95 ${fixed(p95, 1)} ms over ${checkInTimes.length} check-ins`)
  return { p50, p95 }
}

/** The load phase's tablet: paired with a new code (the first one is spent). */
async function tabletSessionAgain(baseUrl: string) {
  const code = 'BNCH-2026'
  await database.query(
    `UPDATE kiosk_devices SET paired_at = NULL, pairing_code_hash = $1, pairing_expires_at = now() + interval '15 minutes'`,
    [sha256Hex(code.replace('-', ''))]
  )
  return tabletSession(baseUrl, code, day.staffId)
}

/** How the app keeps tablet tokens and pairing codes (hashed at rest). */
function sha256Hex(value: string) {
  return createHash('sha256').update(value).digest('hex')
}

/** The board a list fragment names (data-board-etag, HTML-escaped). */
function etagOf(html: string) {
  const match = html.match(/data-board-etag="([^"]+)"/)
  if (!match) throw new Error('the board fragment names no board (data-board-etag)')
  return match[1].replace(/&quot;/g, '"')
}

/** The clock a V8 CPU profile's timestamps use (monotonic, µs). */
function monotonicMicros() {
  return Number(process.hrtime.bigint() / 1000n)
}
