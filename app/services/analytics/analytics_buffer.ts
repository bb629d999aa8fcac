import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { AnalyticsEventName } from '#models/analytics_event'
import { keyedHash } from '#support/keyed_hash'

export interface Visit {
  name: AnalyticsEventName
  path: string
  subject?: { type: string; id: string } | null
  ip: string | null
  userAgent: string | null
  referrer?: string | null
  /** Do-Not-Track or Global Privacy Control: nothing is recorded. */
  doNotTrack: boolean
}

const BATCH_SIZE = 100
const FLUSH_MS = 5_000

let rows: Record<string, unknown>[] = []
let timer: NodeJS.Timeout | null = null

/**
 * Who the visitor is today, and only today: a keyed hash of the day, the address and the
 * browser. Counts unique visitors per day; can't follow anyone across days; keeps no IP.
 */
export function visitorHash(ip: string | null, userAgent: string | null, day = DateTime.now().toISODate()) {
  return keyedHash(`${day}|${ip ?? ''}|${userAgent ?? ''}`)
}

/**
 * Page views and shop steps, kept cheaply: queued in memory and written in one insert
 * per batch (every 100 events or 5 seconds, and at shutdown), never on the page's time.
 */
export function recordVisit(visit: Visit) {
  if (visit.doNotTrack) return
  const now = DateTime.now().toFormat(db.connection().dialect.dateTimeFormat)
  rows.push({
    id: randomUUID(),
    name: visit.name,
    path: visit.path.slice(0, 500),
    subject_type: visit.subject?.type ?? null,
    subject_id: visit.subject?.id ?? null,
    visitor_hash: visitorHash(visit.ip, visit.userAgent),
    referrer: visit.referrer?.slice(0, 500) ?? null,
    created_at: now,
    updated_at: now,
  })
  if (rows.length >= BATCH_SIZE) void flushVisits()
  else if (!timer) {
    timer = setTimeout(() => void flushVisits(), FLUSH_MS)
    timer.unref()
  }
}

/** Writes what is queued; a failed batch is logged and dropped (analytics never breaks a page). */
export async function flushVisits() {
  if (timer) clearTimeout(timer)
  timer = null
  const batch = rows
  rows = []
  if (!batch.length) return 0
  try {
    await db.table('analytics_events').multiInsert(batch)
  } catch (error) {
    logger.warn({ err: error, events: batch.length }, 'analytics batch dropped')
  }
  return batch.length
}

app.terminating(async () => {
  await flushVisits()
})
