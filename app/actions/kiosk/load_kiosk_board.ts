import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import Package from '#models/package'
import Child from '#models/child'
import Contract from '#models/contract'
import PaymentPlan from '#models/payment_plan'
import ModelRelease from '#models/model_release'
import type { SessionStatus } from '#models/photo_session'
import { epochMillisColumn, millisOf } from '#support/db/db_time'

/** A session's place on the board: what the order and the highlights need, nothing more. */
export interface BoardSlot {
  id: string
  /** Moves whenever anything on the session's card changes (migration 0795). */
  stamp: number
  /** Names all a card shows beyond its status: the related rows' version (card_stamp) and the session's own columns. */
  version: string
  status: SessionStatus
  /** The start, as epoch milliseconds. */
  startsAt: number
  balanceDue: number
  currency: string
  late: boolean
  noShow: boolean
  nextUp: boolean
}

export interface BoardRow extends BoardSlot {
  session: PhotoSession
  family: string
  children: string[]
  flags: string[]
}

/** A family not checked in this long after the start is late. */
const LATE_AFTER_MINUTES = 10
const WAITING: SessionStatus[] = ['booked', 'confirmed']

/**
 * Today's sessions at the front desk, by start time, with what the desk must notice
 * (flags, late, no-show) and the next family expected on top. `q` narrows to a family
 * name, a child's name or a session number. `slots` is one light query (the tablet's board
 * keeps each card rendered by its stamp); `details` loads what the cards of some slots
 * show, seven queries however many; `handle` is both.
 */
export default class LoadKioskBoard {
  static async handle(options: { q?: string | null; now?: DateTime } = {}) {
    const board = await this.slots(options)
    return { rows: await this.details(board.slots), now: board.now, q: board.q }
  }

  static async slots(options: { q?: string | null; now?: DateTime } = {}) {
    const now = (options.now ?? DateTime.now()).setZone(await StudioSetting.zone())
    const query = PhotoSession.query()
      .withScopes((scopes) => scopes.onDate(now))
      .whereNot('status', 'cancelled')
      .orderBy('starts_at', 'asc')
      .orderBy('id', 'asc')
    query.select(
      ...['id', 'board_stamp', 'card_stamp', 'status', 'balance_due', 'currency'],
      ...['user_id', 'package_id', 'photographer_id', 'session_number', 'special_requests'],
      db.raw(epochMillisColumn(query.client, 'starts_at', 'starts_ms'))
    )
    const q = options.q?.trim()
    if (q) {
      const like = `%${q.toLowerCase()}%`
      query.where((where) => {
        where
          // A scanned confirmation QR code carries the session's check-in token.
          .where('check_in_token', q)
          .orWhereRaw('LOWER(session_number) LIKE ?', [like])
          .orWhereHas('user', (user) => user.whereRaw("LOWER(first_name || ' ' || COALESCE(last_name, '')) LIKE ?", [like]))
          .orWhereHas('children', (child) => child.whereRaw("LOWER(first_name || ' ' || last_name) LIKE ?", [like]))
      })
    }
    const found = await query.pojo<Record<string, any>>()
    const lateFrom = now.toMillis() - LATE_AFTER_MINUTES * 60_000
    const slots: BoardSlot[] = found.map((row) => {
      const startsAt = millisOf(row.starts_ms)
      return {
        id: row.id,
        stamp: Number(row.board_stamp),
        version: [row.card_stamp, row.user_id, row.package_id, row.photographer_id, row.session_number, startsAt, row.special_requests].join('|'),
        status: row.status,
        startsAt,
        balanceDue: Number(row.balance_due),
        currency: row.currency,
        late: WAITING.includes(row.status) && startsAt < lateFrom,
        noShow: row.status === 'no_show',
        nextUp: false,
      }
    })
    const next = slots.find((slot) => WAITING.includes(slot.status))
    if (next) next.nextUp = true
    return { slots: next ? [next, ...slots.filter((slot) => slot !== next)] : slots, now, q: q ?? '' }
  }

  /** The cards of these slots, in their order. */
  static async details(slots: BoardSlot[]): Promise<BoardRow[]> {
    if (!slots.length) return []
    const sessions = await PhotoSession.query().whereIn(
      'id',
      slots.map((slot) => slot.id)
    )
    await attachRelations(sessions)
    const byId = new Map(sessions.map((session) => [session.id, session]))
    return slots.flatMap((slot) => {
      const session = byId.get(slot.id)
      if (!session) return []
      return [{ ...slot, session, family: session.user.fullName, children: session.children.map((child) => child.firstName), flags: flagsOf(session) }]
    })
  }
}

function flagsOf(session: PhotoSession) {
  const flags: string[] = []
  if (session.specialRequests) flags.push(`Special requests: ${session.specialRequests}`)
  for (const child of session.children) {
    if (child.specialRequirements) flags.push(`${child.firstName}: ${child.specialRequirements}`)
  }
  if (session.paymentPlans.some((plan) => plan.status === 'failed' || plan.status === 'past_due')) flags.push('Payment plan failed')
  const contracts = session.contracts.filter((contract) => contract.status !== 'void')
  if (contracts.some((contract) => contract.status !== 'signed')) flags.push('Contract unsigned')
  // Every child on the session needs a release signed at the desk (or in self-service).
  const released = new Set(session.modelReleases.map((release) => release.childId))
  if (session.children.some((child) => !released.has(child.id))) flags.push('Model release unsigned')
  return flags
}

/**
 * The board's relations, one query each (run together) and matched through maps: Lucid's
 * preload matches every parent against every related row, which on a day of 200 sessions
 * was most of the board's CPU time, and every check-in renders the board again.
 */
async function attachRelations(sessions: PhotoSession[]) {
  const ids = sessions.map((session) => session.id)
  const userIds = [...new Set(sessions.flatMap((session) => (session.photographerId ? [session.userId, session.photographerId] : [session.userId])))]
  const packageIds = [...new Set(sessions.map((session) => session.packageId))]
  const [users, packages, children, contracts, plans, releases] = ids.length
    ? await Promise.all([
        User.query().whereIn('id', userIds),
        Package.query().whereIn('id', packageIds),
        Child.query()
          .join('session_children', 'session_children.child_id', 'children.id')
          .whereIn('session_children.photo_session_id', ids)
          .select('children.*', 'session_children.photo_session_id as board_session_id')
          .orderBy('children.first_name'),
        Contract.query().whereIn('photo_session_id', ids),
        PaymentPlan.query().whereIn('photo_session_id', ids),
        ModelRelease.query().whereIn('photo_session_id', ids),
      ])
    : [[], [], [], [], [], []]
  const userById = new Map(users.map((user) => [user.id, user]))
  const packageById = new Map(packages.map((pkg) => [pkg.id, pkg]))
  const childrenOf = groupBy(children, (child) => child.$extras.board_session_id)
  const contractsOf = groupBy(contracts, (contract) => contract.photoSessionId!)
  const plansOf = groupBy(plans, (plan) => plan.photoSessionId!)
  const releasesOf = groupBy(releases, (release) => release.photoSessionId)
  for (const session of sessions) {
    session.$setRelated('user', userById.get(session.userId)!)
    session.$setRelated('package', packageById.get(session.packageId)!)
    session.$setRelated('photographer', (session.photographerId && userById.get(session.photographerId)) || null)
    session.$setRelated('children', childrenOf.get(session.id) ?? [])
    session.$setRelated('contracts', contractsOf.get(session.id) ?? [])
    session.$setRelated('paymentPlans', plansOf.get(session.id) ?? [])
    session.$setRelated('modelReleases', releasesOf.get(session.id) ?? [])
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}
