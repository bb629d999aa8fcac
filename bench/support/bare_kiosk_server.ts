/*
| The kiosk bench's floor: a check-in and the board after it as node:http and pg alone, sending
| the same statements the app sends (per request the staff member and the tablet; the
| session's compare-and-set with its history row, one statement; the day's fingerprint, then
| its slots), with no framework, ORM, session, CSRF or templates. Run from the production build
| (`node build/bench/support/bare_kiosk_server.js`) with PORT, PG_HOST, PG_PORT, PG_DB_NAME,
| DAY_FROM and DAY_TO (ISO, the day's bounds) set. What the app costs above it is the app's.
| Requests carry `x-bare-user` (the staff member's id) and `x-bare-token` (the tablet's token).
*/
import http from 'node:http'
import { createHash, randomUUID } from 'node:crypto'
import pg from 'pg'

const pool = new pg.Pool({
  host: process.env.PG_HOST,
  port: Number(process.env.PG_PORT),
  user: process.env.PG_USER || 'postgres',
  password: process.env.PG_PASSWORD || undefined,
  database: process.env.PG_DB_NAME,
  max: 10,
})
const dayFrom = new Date(process.env.DAY_FROM!)
const dayTo = new Date(process.env.DAY_TO!)
/** As the app stores tablet tokens. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')
/** As the app names a board fragment. */
const boardEtag = (text: string) => `"${createHash('sha1').update(text).digest('base64url')}"`

/** The boards given out, by ETag: each session's stamp and status, to send a tablet only what changed. */
const boards = new Map<string, Map<string, string>>()

async function signedIn(request: http.IncomingMessage) {
  // One after the other, as the app's auth and tablet middleware send them.
  const user = await pool.query('select * from "users" where "id" = $1 and "users"."deleted_at" is null limit $2', [request.headers['x-bare-user'], 1])
  const device = await pool.query('select * from "kiosk_devices" where "token_hash" = $1 and "revoked_at" is null and "paired_at" is not null limit $2', [
    tokenHash(String(request.headers['x-bare-token'])),
    1,
  ])
  return user.rows[0] && device.rows[0] ? { userId: user.rows[0].id as string, deviceId: device.rows[0].id as string } : null
}

async function checkIn(id: string, who: { userId: string; deviceId: string }) {
  const now = new Date()
  const history = {
    id: randomUUID(),
    photo_session_id: id,
    from_status: null,
    to_status: 'checked_in',
    actor_id: who.userId,
    kiosk_device_id: who.deviceId,
    note: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  const columns = Object.keys(history)
  const moved = await pool.query(
    `WITH seen AS (SELECT "status" FROM "photo_sessions" WHERE "id" = $1 AND "status" IN ($2, $3) FOR UPDATE), ` +
      `moved AS (update "photo_sessions" set "status" = $4, "checked_in_at" = $5, "checked_in_by" = $6, "kiosk_device_id" = $7, "updated_at" = $8 where "id" = $9 and "status" = (SELECT "status" FROM seen) RETURNING *, (SELECT "status" FROM seen) AS "__from"), ` +
      `history AS (INSERT INTO "session_events" (${columns.map((column) => `"${column}"`).join(', ')}) SELECT ${columns.map((column) => (column === 'from_status' ? 'moved."__from"' : `h."${column}"`)).join(', ')} FROM moved, json_populate_record(NULL::"session_events", $10::json) AS h) ` +
      `SELECT * FROM moved`,
    [id, 'booked', 'confirmed', 'checked_in', now, who.userId, who.deviceId, now, id, JSON.stringify(history)]
  )
  if (moved.rows[0]) return 'checked_in'
  const found = await pool.query('select * from "photo_sessions" where "id" = $1 limit $2', [id, 1])
  return (found.rows[0]?.status as string | undefined) ?? null
}

async function board(since: string | undefined) {
  const fingerprint = await pool.query(
    'select count(*) as "sessions", sum("board_stamp") as "stamps", max("board_stamp") as "latest", min(id::text) as first, max(id::text) as last from "photo_sessions" where "starts_at" >= $1 and "starts_at" < $2 limit $3',
    [dayFrom, dayTo, 1]
  )
  const slots = await pool.query(
    'select "id", "board_stamp", "card_stamp", "status", "balance_due", "currency", "user_id", "package_id", "photographer_id", "session_number", "special_requests", floor(extract(epoch from starts_at) * 1000)::bigint as starts_ms from "photo_sessions" where "starts_at" >= $1 and "starts_at" < $2 and not "status" = $3 order by "starts_at" asc, "id" asc',
    [dayFrom, dayTo, 'cancelled']
  )
  const current = new Map<string, string>(slots.rows.map((row) => [row.id, `${row.board_stamp}|${row.status}`]))
  // The two reads are not one snapshot: the ETag names what was read, so one ETag is always one board.
  const etag = boardEtag(JSON.stringify([fingerprint.rows[0], ...current]))
  if (boards.size > 50) boards.delete(boards.keys().next().value!)
  boards.set(etag, current)
  const held = since ? boards.get(since) : undefined
  const cards = slots.rows
    .filter((row) => held?.get(row.id) !== current.get(row.id))
    .map((row) => `<li data-session-id="${row.id}" data-status="${row.status}">${row.session_number}</li>`)
  return { etag, html: `<ul data-board-etag="${etag.replace(/"/g, '&quot;')}">${cards.join('')}</ul>`, delta: Boolean(held) }
}

http
  .createServer(async (request, response) => {
    try {
      const url = request.url ?? '/'
      if (url === '/bench/hello') return response.end('hello')
      const who = await signedIn(request)
      if (!who) return response.writeHead(401).end()
      const checkInPath = url.match(/^\/kiosk\/sessions\/([^/]+)\/check-in$/)
      if (request.method === 'POST' && checkInPath) {
        const status = await checkIn(checkInPath[1], who)
        if (!status) return response.writeHead(404).end()
        return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<div data-status="${status}"></div>`)
      }
      if (request.method === 'GET' && url === '/kiosk') {
        const since = request.headers['x-board-since']
        const result = await board(typeof since === 'string' ? since : undefined)
        return response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'etag': result.etag, 'x-board': result.delta ? 'delta' : 'full' })
          .end(result.html)
      }
      response.writeHead(404).end()
    } catch (error) {
      console.error(error)
      response.writeHead(500).end()
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
