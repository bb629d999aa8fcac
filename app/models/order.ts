import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import DiscountCode from '#models/discount_code'
import OrderItem from '#models/order_item'
import Payment from '#models/payment'
import { jsonColumn } from '#models/concerns/json_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'
import { nextNumber } from '#support/next_number'
import { sqlTime } from '#support/db/sql_time'

export const ORDER_STATUSES = ['pending', 'paid', 'in_production', 'shipped', 'delivered', 'cancelled', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const orderStates = defineStateMachine<OrderStatus>('Order', {
  pending: ['paid', 'cancelled'],
  paid: ['in_production', 'shipped', 'cancelled', 'refunded'],
  in_production: ['shipped', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
})

/** A studio adjustment in the review window keeps the status: pending stays pending, paid stays paid. */
const orderAdjustments = defineStateMachine<OrderStatus>('Order', {
  pending: ['pending'],
  paid: ['paid'],
  in_production: [],
  shipped: [],
  delivered: [],
  cancelled: [],
  refunded: [],
})

/** Snapshot of an address at checkout: later edits to the address book never change an order. */
export type AddressSnapshot = {
  name: string
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode: string
  country: string
  phone?: string | null
}

export default class Order extends AppModel {
  @column()
  declare orderNumber: string

  @column()
  declare userId: string | null

  @column()
  declare customerEmail: string

  @column()
  declare photoSessionId: string | null

  @column()
  declare status: OrderStatus

  @column()
  declare subtotal: number

  @column()
  declare taxAmount: number

  @column()
  declare shippingAmount: number

  @column()
  declare discountAmount: number

  @column()
  declare totalAmount: number

  @column()
  declare currency: string

  @jsonColumn()
  declare shippingAddress: AddressSnapshot | null

  @jsonColumn()
  declare billingAddress: AddressSnapshot | null

  @column()
  declare discountCodeId: string | null

  @column()
  declare providerPaymentId: string | null

  @jsonColumn()
  declare trackingNumbers: string[] | null

  @column.date()
  declare estimatedDelivery: DateTime | null

  @column.dateTime()
  declare paidAt: DateTime | null

  @column.dateTime()
  declare shippedAt: DateTime | null

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime()
  declare refundedAt: DateTime | null

  /** Until then the customer may cancel and the studio adjust; then it goes to print. */
  @column.dateTime()
  declare reviewEndsAt: DateTime | null

  /** One checkout form submission: a double submit finds the order it already placed. */
  @column()
  declare checkoutKey: string | null

  @column()
  declare shippingMethod: string | null

  /** When the studio was told the labs cancelled every item (nothing left to ship). */
  @column.dateTime()
  declare labsCancelledAt: DateTime | null

  @column()
  declare notes: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => DiscountCode)
  declare discountCode: BelongsTo<typeof DiscountCode>

  @hasMany(() => OrderItem)
  declare items: HasMany<typeof OrderItem>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @beforeCreate()
  static async assignNumber(order: Order) {
    order.status ??= 'pending'
    if (!order.orderNumber) order.orderNumber = await nextNumber('order', order.$trx)
  }

  static withStatus = scope((query, status: OrderStatus) => {
    query.where('status', status)
  })

  /** Paid and not yet in the customer's hands: the studio's work queue. */
  static open = scope((query) => {
    query.whereIn('status', ['paid', 'in_production', 'shipped'])
  })

  static placedBetween = scope((query, from: DateTime, to: DateTime) => {
    const format = query.client.dialect.dateTimeFormat
    query.whereBetween('created_at', [from.toFormat(format), to.toFormat(format)])
  })

  get isPaid() {
    return this.paidAt !== null && this.paidAt !== undefined
  }

  /** Pending or paid with its review window open: the studio may still lower it (AdjustOrder). */
  get adjustable() {
    return (this.status === 'pending' || this.status === 'paid') && !!this.reviewEndsAt && this.reviewEndsAt > DateTime.now()
  }

  markPaid(payment: Payment, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, orderStates, 'paid', {
      ...options,
      now,
      set: { providerPaymentId: payment.providerPaymentId ?? this.providerPaymentId, paidAt: now },
    })
  }

  startProduction(options: ChangeOptions = {}) {
    return transition(this, orderStates, 'in_production', options)
  }

  markShipped(trackingNumbers: string[], options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, orderStates, 'shipped', { ...options, now, set: { trackingNumbers, shippedAt: now } })
  }

  markDelivered(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, orderStates, 'delivered', { ...options, now, set: { deliveredAt: now } })
  }

  /** The reason is appended to the order's notes and is the history row's note. */
  cancel(reason?: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const set: Record<string, unknown> = { cancelledAt: now }
    if (reason) set.notes = [this.notes, `Cancelled: ${reason}`].filter(Boolean).join('\n')
    return transition(this, orderStates, 'cancelled', { ...options, now, note: options.note ?? reason, set })
  }

  /**
   * The customer changes their mind inside the review window: one compare-and-set that
   * also checks the window, so a release to the lab and a cancellation can't both win.
   */
  cancelInReview(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const note = 'Cancelled by the customer in the review window'
    return transition(this, orderStates, 'cancelled', {
      ...options,
      now,
      note,
      from: ['pending', 'paid'],
      where: (query) => query.where('review_ends_at', '>', sqlTime(now)),
      set: { cancelledAt: now, notes: [this.notes, note].filter(Boolean).join('\n') },
    })
  }

  /**
   * The studio lowers the order in its review window (AdjustOrder): one compare-and-set on
   * the status, the window and the `updated_at` it was read with, so of two adjustments
   * (or an adjustment and a payment) made from the same reading only one applies. The
   * total read is compared too: SQLite keeps `updated_at` to the second.
   */
  adjustInReview(set: Record<string, unknown>, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const read = sqlTime(this.updatedAt)
    const total = this.totalAmount
    return transition(this, orderAdjustments, this.status, {
      ...options,
      now,
      from: [this.status],
      where: (query) => query.where('review_ends_at', '>', sqlTime(now)).where('updated_at', read).where('total_amount', total),
      set,
    })
  }

  refund(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, orderStates, 'refunded', { ...options, now, set: { refundedAt: now } })
  }
}
