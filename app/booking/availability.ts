import { DateTime } from 'luxon'
import { minutesOf } from '#booking/wall_clock'
import { ZoneClock } from '#booking/zone_clock'

/**
 * When a package can be booked: the studio's rules applied to its hours, photographers,
 * blackouts and the sessions already booked. Pure (no database), computed in the studio's
 * timezone; the same answers drive the month calendar, the slot list, the checks on every
 * booking and move, and the "nearest free slots" offered when a slot was just taken.
 */

export interface BookingRules {
  timezone: string
  slotMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  minNoticeHours: number
  horizonDays: number
  maxSessionsPerDay: number | null
}

/** One opening interval of a weekday with its parallel capacity ("HH:MM", studio time). */
export interface OpeningInterval {
  weekday: number
  opensAt: string
  closesAt: string
  capacity: number
}

export interface PhotographerSchedule {
  id: string
  name: string
  /** Weekdays worked; hours null = the studio's hours. */
  days: { weekday: number; startsAt: string | null; endsAt: string | null }[]
}

export interface Blackout {
  /** ISO date, studio calendar. */
  date: string
  photographerId: string | null
  reason: string
}

export interface BookedSession {
  id: string
  /** A DateTime, or epoch milliseconds (pages read hundreds of sessions: no objects needed). */
  startsAt: DateTime | number
  durationMinutes: number
  photographerId: string | null
  setNumber: number | null
}

export type Refusal =
  | 'past'
  | 'too_soon'
  | 'too_far'
  | 'closed'
  | 'blackout'
  | 'off_grid'
  | 'day_full'
  | 'full'
  | 'photographer_off'
  | 'photographer_busy'

/** Refusals an admin may override with a reason; never the past or a photographer in two places. */
export const OVERRIDABLE: readonly Refusal[] = [
  'too_soon',
  'too_far',
  'closed',
  'blackout',
  'off_grid',
  'day_full',
  'full',
  'photographer_off',
]

export type DayStatus = 'open' | 'full' | 'closed' | 'blackout' | 'past' | 'beyond'

export interface Opening {
  startsAt: DateTime
  /** Photographers free for the whole session (empty when the studio books without them). */
  photographerIds: string[]
  /** The lowest free set number. */
  setNumber: number
  /** Every free set, lowest first. */
  setNumbers: number[]
}

export interface CheckOptions {
  /** A photographer asked for; undefined = any. */
  photographerId?: string | null
  /** The session being moved: it doesn't block itself. */
  ignoreSessionId?: string
  /** An admin overriding the overridable rules. */
  override?: boolean
}

export type CheckResult =
  | {
      ok: true
      startsAt: DateTime
      photographerId: string | null
      setNumber: number
      /** Every photographer and set that could take it, best first (claims try them in turn). */
      photographerIds: string[]
      setNumbers: number[]
      overridden: Refusal[]
    }
  | { ok: false; reason: Refusal }

interface Interval {
  start: number
  end: number
}

export interface AvailabilityInput {
  rules: BookingRules
  hours: OpeningInterval[]
  photographers: PhotographerSchedule[]
  blackouts: Blackout[]
  sessions: BookedSession[]
  now: DateTime
}

interface Held {
  session: BookedSession
  blockedStart: number
  blockedEnd: number
  /** Stamp of the last neighbourhood it was gathered into (dedupes without a Set). */
  seen: number
  /** The studio date it starts on. */
  date: string
}

interface GridSlot {
  ms: number
  capacity: number
}

/** An opening before it becomes an Opening (no DateTime: counting a month needs none). */
interface FreeAt {
  ms: number
  photographerIds: string[]
  setNumber: number
  setNumbers: number[]
}

interface Day {
  date: string
  weekday: number
}

/** Grids depend on the hours and rules only: shared by every instance (a page builds one per request). */
const GRIDS = new Map<string, GridSlot[]>()
const GRIDS_LIMIT = 50_000

/**
 * Instants are compared as epoch milliseconds and days as ISO strings: a month view asks
 * thousands of "is this free?" questions, and Luxon arithmetic on each would cost more
 * than the database reads. Grids, neighbours and photographers' own hours are computed
 * once per day.
 */
export class Availability {
  readonly zone: string
  readonly today: string
  readonly lastBookableDate: string
  private nowMs: number
  private noticeMs: number
  private held: Held[]
  private heldByDate = new Map<string, Held[]>()
  private around = new Map<string, Held[]>()
  private grids = new Map<string, GridSlot[]>()
  private days = new Map<string, Day>()
  private blackoutsByDate = new Map<string, Blackout[]>()
  private weeks = new Map<string, Map<number, PhotographerSchedule['days'][number]>>()
  private ownHours = new Map<string, [number, number] | null>()
  private clock: ZoneClock
  private gridKey: string

  constructor(private input: AvailabilityInput) {
    this.zone = input.rules.timezone
    this.clock = new ZoneClock(this.zone)
    this.nowMs = input.now.toMillis()
    this.today = this.clock.dateOf(this.nowMs)
    this.lastBookableDate = this.clock.addDays(this.today, input.rules.horizonDays)
    this.noticeMs = this.nowMs + input.rules.minNoticeHours * 3_600_000
    this.gridKey = [this.zone, input.rules.slotMinutes, ...input.hours.map((h) => `${h.weekday}${h.opensAt}${h.closesAt}/${h.capacity}`)].join('|')
    this.held = input.sessions.map((session) => {
      const ms = typeof session.startsAt === 'number' ? session.startsAt : session.startsAt.toMillis()
      const blocked = this.blockedAt(ms, session.durationMinutes)
      return { session, blockedStart: blocked.start, blockedEnd: blocked.end, date: this.clock.dateOf(ms), seen: 0 }
    })
    for (const held of this.held) {
      const first = this.clock.dateOf(held.blockedStart)
      const last = this.clock.dateOf(held.blockedEnd - 1)
      for (const date of first === last ? [first] : [first, last]) {
        const list = this.heldByDate.get(date)
        if (list) list.push(held)
        else this.heldByDate.set(date, [held])
      }
    }
    for (const blackout of input.blackouts) {
      this.blackoutsByDate.set(blackout.date, [...(this.blackoutsByDate.get(blackout.date) ?? []), blackout])
    }
    for (const photographer of input.photographers) {
      this.weeks.set(photographer.id, new Map(photographer.days.map((day) => [day.weekday, day])))
    }
  }

  get rules() {
    return this.input.rules
  }

  get photographers() {
    return this.input.photographers
  }

  /** The grid of start times of a day, before anything booked is considered (computed once a day). */
  gridOf(date: string, durationMinutes: number): { startsAt: DateTime; capacity: number }[] {
    return this.grid(date, durationMinutes).map((slot) => ({ startsAt: this.clock.dateTime(slot.ms), capacity: slot.capacity }))
  }

  private grid(date: string, durationMinutes: number): GridSlot[] {
    const key = `${date}/${durationMinutes}`
    let grid = this.grids.get(key)
    if (!grid) {
      const shared = `${this.gridKey}|${key}`
      grid = GRIDS.get(shared)
      if (!grid) {
        grid = this.computeGrid(this.dayOf(date), durationMinutes)
        if (GRIDS.size > GRIDS_LIMIT) GRIDS.clear()
        GRIDS.set(shared, grid)
      }
      this.grids.set(key, grid)
    }
    return grid
  }

  private computeGrid(day: Day, durationMinutes: number) {
    const starts: GridSlot[] = []
    for (const interval of this.input.hours) {
      if (interval.weekday !== day.weekday) continue
      const opens = minutesOf(interval.opensAt)
      const closes = minutesOf(interval.closesAt)
      const closing = closes >= 1440 ? this.clock.at(this.clock.addDays(day.date, 1), closes - 1440) : this.clock.at(day.date, closes)
      for (let minute = opens; minute + durationMinutes <= closes; minute += this.rules.slotMinutes) {
        const ms = this.clock.at(day.date, minute)
        if (ms === null || closing === null) continue
        if (ms + durationMinutes * 60_000 > closing) continue
        starts.push({ ms, capacity: interval.capacity })
      }
    }
    return starts.sort((a, b) => a.ms - b.ms)
  }

  private dayOf(date: string): Day {
    let day = this.days.get(date)
    if (!day) {
      day = { date, weekday: this.clock.weekdayOf(date) }
      this.days.set(date, day)
    }
    return day
  }

  /** Free start times of a day for the package's duration (and a photographer, if one is asked for). */
  openings(date: string, durationMinutes: number, options: CheckOptions = {}): Opening[] {
    return this.freeOn(date, durationMinutes, options).map((free) => this.toOpening(free))
  }

  /** The day's free starts; with `first`, stops at the first one (enough for a day's status). */
  private freeOn(date: string, durationMinutes: number, options: CheckOptions, first = false): FreeAt[] {
    if (this.dayRefusal(date, durationMinutes, options) !== null) return []
    const day = this.dayOf(date)
    const free: FreeAt[] = []
    for (const slot of this.grid(date, durationMinutes)) {
      if (this.timeRefusal(slot.ms, date)) continue
      const opening = this.openingAt(slot.ms, day, durationMinutes, slot.capacity, options)
      if ('ms' in opening) {
        free.push(opening)
        if (first) break
      }
    }
    return free
  }

  private toOpening(free: FreeAt): Opening {
    return { startsAt: this.clock.dateTime(free.ms), photographerIds: free.photographerIds, setNumber: free.setNumber, setNumbers: free.setNumbers }
  }

  dayStatus(date: string, durationMinutes: number, options: CheckOptions = {}): DayStatus {
    return this.dayFree(date, durationMinutes, options).status
  }

  /** A day's status and its free start times. */
  day(date: string, durationMinutes: number, options: CheckOptions = {}): { status: DayStatus; openings: Opening[] } {
    const { status, free } = this.dayFree(date, durationMinutes, options)
    return { status, openings: free.map((one) => this.toOpening(one)) }
  }

  private dayFree(date: string, durationMinutes: number, options: CheckOptions, first = false): { status: DayStatus; free: FreeAt[] } {
    const none = (status: DayStatus) => ({ status, free: [] })
    if (date < this.today) return none('past')
    if (date > this.lastBookableDate) return none('beyond')
    if (this.studioBlackout(date)) return none('blackout')
    const grid = this.grid(date, durationMinutes)
    if (!grid.length) return none('closed')
    if (grid.every((slot) => this.timeRefusal(slot.ms, date))) return none('past')
    const free = this.freeOn(date, durationMinutes, options, first)
    return { status: free.length ? 'open' : 'full', free }
  }

  /**
   * Every day of a month with its status and how many start times are free; with
   * `statusOnly`, `free` is 1 for an open day (a calendar only greys days out, and stopping
   * at a day's first free time is most of the work saved).
   */
  month(yearMonth: string, durationMinutes: number, options: CheckOptions = {}, statusOnly = false) {
    const first = `${yearMonth}-01`
    const length = DateTime.fromISO(first).daysInMonth!
    return Array.from({ length }, (_, index) => {
      const date = this.clock.addDays(first, index)
      const { status, free } = this.dayFree(date, durationMinutes, options, statusOnly)
      return { date, status, free: free.length }
    })
  }

  /**
   * Whether a session of `durationMinutes` may start at `startsAt`, on which set and with
   * whom. With `override`, the overridable refusals are listed in `overridden` instead.
   */
  check(startsAt: DateTime, durationMinutes: number, options: CheckOptions = {}): CheckResult {
    const at = startsAt.setZone(this.zone)
    const ms = at.toMillis()
    const date = at.toISODate()!
    const day = this.dayOf(date)
    const overridden: Refusal[] = []
    const refused = (reason: Refusal | null): reason is Refusal => {
      if (reason === null) return false
      if (!options.override || !OVERRIDABLE.includes(reason)) return true
      overridden.push(reason)
      return false
    }

    if (ms < this.nowMs) return { ok: false, reason: 'past' }
    const timeRefusal = this.timeRefusal(ms, date)
    if (refused(timeRefusal)) return { ok: false, reason: timeRefusal }
    const dayRefusal = this.dayRefusal(date, durationMinutes, options)
    if (refused(dayRefusal)) return { ok: false, reason: dayRefusal }
    const grid = this.grid(date, durationMinutes)
    const slot = grid.find((candidate) => candidate.ms === ms)
    const gridRefusal: Refusal | null = slot ? null : grid.length ? 'off_grid' : 'closed'
    if (gridRefusal !== dayRefusal && refused(gridRefusal)) return { ok: false, reason: gridRefusal }

    let opening = this.openingAt(ms, day, durationMinutes, slot?.capacity ?? this.capacityAround(at), options)
    if ('reason' in opening && opening.reason === 'full' && !refused('full')) {
      opening = this.openingAt(ms, day, durationMinutes, Number.POSITIVE_INFINITY, options)
    }
    if ('reason' in opening && opening.reason === 'photographer_off' && options.photographerId && !refused('photographer_off')) {
      opening = this.openingAt(ms, day, durationMinutes, Number.POSITIVE_INFINITY, { ...options, anyDay: true })
    }
    if ('reason' in opening) return { ok: false, reason: opening.reason }
    const photographerIds = options.photographerId ? [options.photographerId] : this.byLoad(opening, date)
    return {
      ok: true,
      startsAt: at,
      photographerId: photographerIds[0] ?? null,
      photographerIds,
      setNumber: opening.setNumber,
      setNumbers: opening.setNumbers,
      overridden,
    }
  }

  /** Free start times nearest to `startsAt` (same day first, then outwards), for "just taken". */
  nearest(startsAt: DateTime, durationMinutes: number, count = 3, options: CheckOptions = {}): Opening[] {
    const wanted = startsAt.toMillis()
    const day = startsAt.setZone(this.zone).startOf('day')
    const found: Opening[] = []
    for (let distance = 0; distance <= 14 && found.length < count; distance++) {
      const dates = distance === 0 ? [day] : [day.minus({ days: distance }), day.plus({ days: distance })]
      for (const date of dates) found.push(...this.openings(date.toISODate()!, durationMinutes, options))
    }
    return found
      .filter((opening) => opening.startsAt.toMillis() !== wanted)
      .sort((a, b) => Math.abs(a.startsAt.toMillis() - wanted) - Math.abs(b.startsAt.toMillis() - wanted))
      .slice(0, count)
  }

  /** The interval a session keeps to itself: its own time plus the buffers on both sides. */
  blockedOf(startsAt: DateTime, durationMinutes: number): Interval {
    return this.blockedAt(startsAt.toMillis(), durationMinutes)
  }

  private blockedAt(ms: number, durationMinutes: number): Interval {
    return {
      start: ms - this.rules.bufferBeforeMinutes * 60_000,
      end: ms + (durationMinutes + this.rules.bufferAfterMinutes) * 60_000,
    }
  }

  /** "Any" photographer: the one with the fewest sessions that day first, so work spreads evenly. */
  private byLoad(opening: FreeAt, date: string) {
    const held = this.heldByDate.get(date) ?? []
    const load = (id: string) => held.filter((h) => h.session.photographerId === id).length
    return [...opening.photographerIds].sort((a, b) => load(a) - load(b))
  }

  private timeRefusal(ms: number, date: string): Refusal | null {
    if (ms < this.nowMs) return 'past'
    if (ms < this.noticeMs) return 'too_soon'
    if (date > this.lastBookableDate) return 'too_far'
    return null
  }

  private dayRefusal(date: string, durationMinutes: number, options: CheckOptions): Refusal | null {
    if (this.studioBlackout(date)) return 'blackout'
    if (!this.grid(date, durationMinutes).length) return 'closed'
    const max = this.rules.maxSessionsPerDay
    if (max !== null && this.startingOn(date, options.ignoreSessionId) >= max) return 'day_full'
    return null
  }

  /** A free set and the photographers free for the whole blocked interval, or why not. */
  private openingAt(
    ms: number,
    day: Day,
    durationMinutes: number,
    capacity: number,
    options: CheckOptions & { anyDay?: boolean }
  ): FreeAt | { reason: Refusal } {
    const blocked = this.blockedAt(ms, durationMinutes)
    const overlapping: BookedSession[] = []
    // Sorted by start: nothing from the first one starting after this slot's end on.
    for (const held of this.heldAround(day.date)) {
      if (held.blockedStart >= blocked.end) break
      if (blocked.start < held.blockedEnd && held.session.id !== options.ignoreSessionId) overlapping.push(held.session)
    }
    const setNumbers = freeSets(overlapping, capacity)
    if (!setNumbers.length) return { reason: 'full' }
    const setNumber = setNumbers[0]
    if (!this.input.photographers.length) return { ms, photographerIds: [], setNumber, setNumbers }

    const busy = new Set(overlapping.map((session) => session.photographerId))
    const candidates = options.photographerId
      ? this.input.photographers.filter((p) => p.id === options.photographerId)
      : this.input.photographers
    const working = options.anyDay ? candidates : candidates.filter((p) => this.works(p, day, ms, durationMinutes))
    const free = working.filter((p) => !busy.has(p.id))
    if (free.length) return { ms, photographerIds: free.map((p) => p.id), setNumber, setNumbers }
    return { reason: working.length ? 'photographer_busy' : 'photographer_off' }
  }

  /** Works that weekday, isn't off that date, and the session fits their own hours if they have some. */
  private works(photographer: PhotographerSchedule, day: Day, ms: number, durationMinutes: number) {
    const week = this.weeks.get(photographer.id)
    const workday = week?.get(day.weekday)
    if (!workday) return false
    if (this.blackoutsByDate.get(day.date)?.some((b) => b.photographerId === photographer.id)) return false
    if (!workday.startsAt || !workday.endsAt) return true
    const key = `${photographer.id}/${day.date}`
    if (!this.ownHours.has(key)) {
      const from = this.clock.at(day.date, minutesOf(workday.startsAt))
      const to = this.clock.at(day.date, minutesOf(workday.endsAt))
      this.ownHours.set(key, from !== null && to !== null ? [from, to] : null)
    }
    const hours = this.ownHours.get(key)
    return !!hours && ms >= hours[0] && ms + durationMinutes * 60_000 <= hours[1]
  }

  private studioBlackout(date: string) {
    return this.blackoutsByDate.get(date)?.find((b) => b.photographerId === null) ?? null
  }

  /** Why a day is closed, for messages: the studio's blackout reason if there is one. */
  blackoutReason(date: string) {
    return this.studioBlackout(date)?.reason ?? null
  }

  private startingOn(date: string, ignoreSessionId?: string) {
    return (this.heldByDate.get(date) ?? []).filter((h) => h.session.id !== ignoreSessionId && h.date === date).length
  }

  /** Sessions whose blocked time touches the day or its neighbours (buffers cross midnight). */
  private heldAround(date: string) {
    let list = this.around.get(date)
    if (!list) {
      const stamp = this.around.size + 1
      list = []
      for (const near of [this.clock.addDays(date, -1), date, this.clock.addDays(date, 1)]) {
        for (const held of this.heldByDate.get(near) ?? []) {
          if (held.seen === stamp) continue
          held.seen = stamp
          list.push(held)
        }
      }
      list.sort((a, b) => a.blockedStart - b.blockedStart)
      this.around.set(date, list)
    }
    return list
  }

  /** The capacity of the opening interval around an off-grid time (overrides), or 1. */
  private capacityAround(at: DateTime) {
    const minute = at.hour * 60 + at.minute
    const interval = this.input.hours.find(
      (h) => h.weekday === at.weekday && minutesOf(h.opensAt) <= minute && minute < minutesOf(h.closesAt)
    )
    return interval?.capacity ?? 1
  }
}

/**
 * The sets free of the overlapping sessions, up to `capacity` (without a cap, only the
 * first free one: an override's extra set). Sessions without a set number (made before
 * sets were recorded) each take the lowest set still free.
 */
function freeSets(overlapping: BookedSession[], capacity: number): number[] {
  const taken = new Set(overlapping.map((s) => s.setNumber).filter((n): n is number => n !== null))
  let unnumbered = overlapping.filter((s) => s.setNumber === null).length
  const free: number[] = []
  for (let set = 1; set <= capacity; set++) {
    if (taken.has(set)) continue
    if (unnumbered > 0) {
      unnumbered--
      continue
    }
    free.push(set)
    if (!Number.isFinite(capacity)) break
  }
  return free
}
