import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { beforeCreate, belongsTo, column, computed, hasMany, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
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
import { assertTransition } from '#models/concerns/state_machine'
import { nextNumber } from '#services/numbers/next_number'

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

const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  booked: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
}

type TransitionOptions = {
  by?: User | null
  kioskDevice?: KioskDevice | null
  note?: string | null
  trx?: TransactionClientContract
}

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

  @beforeCreate()
  static async assignNumber(session: PhotoSession) {
    session.sessionNumber ||= await nextNumber('session', session.$trx)
  }

  async confirm(by?: User | null, trx?: TransactionClientContract) {
    await this.transitionTo('confirmed', { by, trx })
  }

  async checkIn(by: User | null, kioskDevice?: KioskDevice | null, trx?: TransactionClientContract) {
    await this.transitionTo('checked_in', { by, kioskDevice, trx }, () => {
      this.checkedInAt = DateTime.now()
      this.checkedInBy = by?.id ?? null
      this.kioskDeviceId = kioskDevice?.id ?? null
    })
  }

  async start(by?: User | null, trx?: TransactionClientContract) {
    await this.transitionTo('in_progress', { by, trx })
  }

  async complete(by?: User | null, trx?: TransactionClientContract) {
    await this.transitionTo('completed', { by, trx })
  }

  async cancel(reason: string, by?: User | null, trx?: TransactionClientContract) {
    await this.transitionTo('cancelled', { by, note: reason, trx }, () => {
      this.cancelledAt = DateTime.now()
      this.cancellationReason = reason
    })
  }

  async markNoShow(by?: User | null, trx?: TransactionClientContract) {
    await this.transitionTo('no_show', { by, trx })
  }

  /** Changes status and records the session_events row in one transaction. */
  private async transitionTo(to: SessionStatus, options: TransitionOptions, apply?: () => void) {
    assertTransition('Session', this.status, to, TRANSITIONS)
    const run = async (trx: TransactionClientContract) => {
      const from = this.status
      this.status = to
      apply?.()
      await this.useTransaction(trx).save()
      await SessionEvent.create(
        {
          photoSessionId: this.id,
          fromStatus: from,
          toStatus: to,
          actorId: options.by?.id ?? null,
          kioskDeviceId: options.kioskDevice?.id ?? null,
          note: options.note ?? null,
        },
        { client: trx }
      )
    }
    const trx = options.trx ?? this.$trx
    if (trx) return run(trx)
    await db.transaction(run)
  }
}
