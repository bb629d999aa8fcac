import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'

export interface BoardRow {
  session: PhotoSession
  family: string
  children: string[]
  flags: string[]
  late: boolean
  noShow: boolean
  nextUp: boolean
}

/** A family not checked in this long after the start is late. */
const LATE_AFTER_MINUTES = 10
const WAITING = ['booked', 'confirmed']

/**
 * Today's sessions at the front desk, by start time, with what the desk must notice
 * (flags, late, no-show) and the next family expected on top. `q` narrows to a family
 * name, a child's name or a session number. Eight queries, however many sessions.
 */
export default class LoadKioskBoard {
  static async handle(options: { q?: string | null; now?: DateTime } = {}) {
    const settings = await StudioSetting.current()
    const now = (options.now ?? DateTime.now()).setZone(settings.timezone)
    const query = PhotoSession.query()
      .withScopes((scopes) => scopes.onDate(now))
      .whereNot('status', 'cancelled')
      .preload('user')
      .preload('package')
      .preload('photographer')
      .preload('children', (children) => children.orderBy('first_name'))
      .preload('contracts')
      .preload('paymentPlans')
      .preload('modelReleases')
      .orderBy('starts_at', 'asc')
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
    const sessions = await query
    const rows: BoardRow[] = sessions.map((session) => ({
      session,
      family: session.user.fullName,
      children: session.children.map((child) => child.firstName),
      flags: flagsOf(session),
      late: WAITING.includes(session.status) && now.diff(session.startsAt, 'minutes').minutes > LATE_AFTER_MINUTES,
      noShow: session.status === 'no_show',
      nextUp: false,
    }))
    const next = rows.find((row) => WAITING.includes(row.session.status))
    if (next) next.nextUp = true
    return { rows: next ? [next, ...rows.filter((row) => row !== next)] : rows, now, q: q ?? '' }
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
