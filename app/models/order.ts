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
import { assertTransition } from '#models/concerns/state_machine'
import { nextNumber } from '#services/numbers/next_number'

export const ORDER_STATUSES = ['pending', 'paid', 'in_production', 'shipped', 'delivered', 'cancelled', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['in_production', 'shipped', 'cancelled', 'refunded'],
  in_production: ['shipped', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
}

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

  async markPaid(payment: Payment) {
    this.transitionTo('paid')
    this.providerPaymentId = payment.providerPaymentId ?? this.providerPaymentId
    this.paidAt = DateTime.now()
    await this.save()
  }

  async startProduction() {
    this.transitionTo('in_production')
    await this.save()
  }

  async markShipped(trackingNumbers: string[]) {
    this.transitionTo('shipped')
    this.trackingNumbers = trackingNumbers
    this.shippedAt = DateTime.now()
    await this.save()
  }

  async markDelivered() {
    this.transitionTo('delivered')
    this.deliveredAt = DateTime.now()
    await this.save()
  }

  async cancel(reason?: string) {
    this.transitionTo('cancelled')
    this.cancelledAt = DateTime.now()
    if (reason) this.notes = [this.notes, `Cancelled: ${reason}`].filter(Boolean).join('\n')
    await this.save()
  }

  async refund() {
    this.transitionTo('refunded')
    this.refundedAt = DateTime.now()
    await this.save()
  }

  private transitionTo(to: OrderStatus) {
    assertTransition('Order', this.status, to, TRANSITIONS)
    this.status = to
  }
}
