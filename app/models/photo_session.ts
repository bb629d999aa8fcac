import { randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, computed, hasMany, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import Package from '#models/package'
import Child from '#models/child'
import KioskDevice from '#models/kiosk_device'
import SessionChild from '#models/session_child'
import SessionEvent from '#models/session_event'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import Invoice from '#models/invoice'
import Order from '#models/order'
import Gallery from '#models/gallery'
import Contract from '#models/contract'
import ModelRelease from '#models/model_release'
import SlotClaim from '#models/slot_claim'
import SessionReschedule from '#models/session_reschedule'
import { defineStateMachine, transition, transitionById, type ChangeOptions } from '#models/concerns/state_machine'
import { sqlTime } from '#support/db/sql_time'
import { nextNumber } from '#support/next_number'

export const SESSION_STATUSES = [
  'booked',
  'confirmed',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** Statuses a session can still be attended in (it holds its slot). */
export const OPEN_SESSION_STATUSES = ['booked', 'confirmed', 'checked_in', 'in_progress'] as const

/** Photo sessions keep their own history, `session_events` (the desk and kiosk timelines read it). */
export const photoSessionStates = defineStateMachine<SessionStatus>(
  'PhotoSession',
  {
    booked: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
    confirmed: ['checked_in', 'cancelled', 'no_show'],
    checked_in: ['in_progress', 'cancelled'],
    in_progress: ['completed'],
    completed: [],
    cancelled: [],
    no_show: [],
  },
  {
    history: (change) => ({
      table: 'session_events',
      row: {
        id: randomUUID(),
        photo_session_id: change.subjectId,
        from_status: change.from,
        to_status: change.to,
        actor_id: change.actor?.userId ?? null,
        kiosk_device_id: change.actor?.kioskDeviceId ?? null,
        note: change.note,
        created_at: sqlTime(change.at),
        updated_at: sqlTime(change.at),
      },
    }),
  }
)

/** A booked photo shoot (named so it never clashes with the HTTP session). */
export default class PhotoSession extends AppModel {
  @column()
  declare sessionNumber: string

  @column()
  declare userId: string

  @column()
  declare packageId: string

  @column()
  declare photographerId: string | null

  @column.dateTime()
  declare startsAt: DateTime

  /** Minutes. */
  @column()
  declare estimatedDuration: number

  @column()
  declare status: SessionStatus

  @column()
  declare totalAmount: number

  @column()
  declare depositAmount: number

  @column()
  declare balanceDue: number

  /** Moves (by trigger) whenever anything on the session's kiosk card changes: see migration 0795. */
  @column()
  declare boardStamp: number

  @column()
  declare currency: string

  @column()
  declare specialRequests: string | null

  @column()
  declare preparationNotes: string | null

  @column()
  declare stylingNotes: string | null

  @column()
  declare photographerNotes: string | null

  @column()
  declare completionNotes: string | null

  @column.dateTime()
  declare checkedInAt: DateTime | null

  @column()
  declare checkedInBy: string | null

  @column()
  declare kioskDeviceId: string | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column()
  declare cancellationReason: string | null

  @column()
  declare cancelledBy: string | null

  /** What the QR code in the confirmation carries, for the kiosk (random, 256 bits, unique). */
  @column({ serializeAs: null })
  declare checkInToken: string | null

  /** Which of the studio's parallel sets (capacity) the session runs in. */
  @column()
  declare setNumber: number | null

  /** The .ics SEQUENCE: calendars replace an event only when it grows. */
  @column()
  declare calendarSequence: number

  /** Claims of the reminders, each sent once: two days before, and on the morning. */
  @column.dateTime()
  declare reminderSentAt: DateTime | null

  @column.dateTime()
  declare dayReminderSentAt: DateTime | null

  /** Set when the session's payment plan failed: the calendar flags it until the studio acts. */
  @column.dateTime()
  declare paymentFlaggedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Package)
  declare package: BelongsTo<typeof Package>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'checkedInBy' })
  declare checkedInByUser: BelongsTo<typeof User>

  @belongsTo(() => KioskDevice)
  declare kioskDevice: BelongsTo<typeof KioskDevice>

  @hasMany(() => SessionChild)
  declare sessionChildren: HasMany<typeof SessionChild>

  /** Reads only: pivot rows need a UUID, so attach through `sessionChildren`. */
  @manyToMany(() => Child, {
    pivotTable: 'session_children',
    pivotForeignKey: 'photo_session_id',
    pivotRelatedForeignKey: 'child_id',
    pivotColumns: ['primary_child', 'styling_requests', 'completed_styling'],
    pivotTimestamps: true,
  })
  declare children: ManyToMany<typeof Child>

  @hasMany(() => SessionEvent, { onQuery: (query) => query.orderBy('created_at', 'asc') })
  declare events: HasMany<typeof SessionEvent>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @hasMany(() => PaymentPlan)
  declare paymentPlans: HasMany<typeof PaymentPlan>

  @hasMany(() => Invoice)
  declare invoices: HasMany<typeof Invoice>

  @hasMany(() => Order)
  declare orders: HasMany<typeof Order>

  @hasMany(() => Gallery)
  declare galleries: HasMany<typeof Gallery>

  @hasMany(() => Contract)
  declare contracts: HasMany<typeof Contract>

  @hasMany(() => ModelRelease)
  declare modelReleases: HasMany<typeof ModelRelease>

  @belongsTo(() => User, { foreignKey: 'cancelledBy' })
  declare cancelledByUser: BelongsTo<typeof User>

  @hasMany(() => SlotClaim)
  declare slotClaims: HasMany<typeof SlotClaim>

  @hasMany(() => SessionReschedule, { onQuery: (query) => query.orderBy('created_at', 'asc') })
  declare reschedules: HasMany<typeof SessionReschedule>

  @computed()
  get endsAt() {
    return this.startsAt?.plus({ minutes: this.estimatedDuration })
  }

  get isOpen() {
    return (OPEN_SESSION_STATUSES as readonly string[]).includes(this.status)
  }

  static upcoming = scope((query, now: DateTime = DateTime.now()) => {
    const at = now.toLocal().toFormat(query.client.dialect.dateTimeFormat)
    query.where('starts_at', '>=', at).whereIn('status', [...OPEN_SESSION_STATUSES]).orderBy('starts_at', 'asc')
  })

  /** Sessions starting on the calendar day of `day` (in its zone). */
  static onDate = scope((query, day: DateTime) => {
    const format = query.client.dialect.dateTimeFormat
    const start = day.startOf('day')
    const end = start.plus({ days: 1 })
    query
      .where('starts_at', '>=', start.toLocal().toFormat(format))
      .where('starts_at', '<', end.toLocal().toFormat(format))
  })

  static byStatus = scope((query, ...statuses: SessionStatus[]) => {
    query.whereIn('status', statuses)
  })

  /** Sessions starting in [from, to). */
  static startingBetween = scope((query, from: DateTime, to: DateTime) => {
    const format = query.client.dialect.dateTimeFormat
    query.where('starts_at', '>=', from.toLocal().toFormat(format)).where('starts_at', '<', to.toLocal().toFormat(format))
  })

  /** Sessions that still hold their slot (not cancelled, completed or missed). */
  static holdingSlot = scope((query) => {
    query.whereIn('status', [...OPEN_SESSION_STATUSES])
  })

  static ofFamily = scope((query, userId: string) => {
    query.where('user_id', userId)
  })

  @beforeCreate()
  static assignCheckInToken(session: PhotoSession) {
    session.checkInToken ||= randomBytes(32).toString('base64url')
  }

  @beforeCreate()
  static async assignNumber(session: PhotoSession) {
    session.sessionNumber ||= await nextNumber('session', session.$trx)
  }

  confirm(options: ChangeOptions = {}) {
    return transition(this, photoSessionStates, 'confirmed', options)
  }

  /** At the desk (the actor is the staff member) or at a kiosk (the actor carries the device). */
  checkIn(options: ChangeOptions = {}) {
    return transition(this, photoSessionStates, 'checked_in', checkInChange(options))
  }

  /** `checkIn` for a session known by its id (one statement on PostgreSQL): the session checked in by this call, else null. */
  static checkInById(id: string, options: ChangeOptions = {}) {
    return transitionById(PhotoSession, id, photoSessionStates, 'checked_in', checkInChange(options))
  }

  start(options: ChangeOptions = {}) {
    return transition(this, photoSessionStates, 'in_progress', options)
  }

  complete(options: ChangeOptions = {}) {
    return transition(this, photoSessionStates, 'completed', options)
  }

  /** The reason is kept on the session and is the event's note unless another is given. */
  cancel(reason: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, photoSessionStates, 'cancelled', {
      ...options,
      now,
      note: options.note ?? reason,
      set: { cancelledAt: now, cancellationReason: reason },
    })
  }

  markNoShow(options: ChangeOptions = {}) {
    return transition(this, photoSessionStates, 'no_show', options)
  }
}

/** A check-in records when, who and at which tablet. */
function checkInChange(options: ChangeOptions) {
  const now = options.now ?? DateTime.now()
  return { ...options, now, set: { checkedInAt: now, checkedInBy: options.actor?.userId ?? null, kioskDeviceId: options.actor?.kioskDeviceId ?? null } }
}
