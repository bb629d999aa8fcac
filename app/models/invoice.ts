import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, computed, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import Order from '#models/order'
import CustomOrder from '#models/custom_order'
import InvoiceItem from '#models/invoice_item'
import PaymentPlan from '#models/payment_plan'
import { assertTransition } from '#models/concerns/state_machine'
import { nextNumber } from '#services/numbers/next_number'

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

const TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['open', 'void'],
  open: ['paid', 'void'],
  paid: [],
  void: [],
}

/** A bill for a session, an order or a custom order (`INV-2026-000789`). */
export default class Invoice extends AppModel {
  @column()
  declare number: string

  @column()
  declare userId: string

  @column()
  declare photoSessionId: string | null

  @column()
  declare orderId: string | null

  @column()
  declare customOrderId: string | null

  @column()
  declare status: InvoiceStatus

  @column()
  declare subtotal: number

  @column()
  declare taxAmount: number

  @column()
  declare total: number

  @column()
  declare amountPaid: number

  @column()
  declare currency: string

  @column.date()
  declare dueOn: DateTime | null

  @column.dateTime()
  declare issuedAt: DateTime | null

  @column.dateTime()
  declare paidAt: DateTime | null

  @column.dateTime()
  declare voidedAt: DateTime | null

  @column()
  declare notes: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => CustomOrder)
  declare customOrder: BelongsTo<typeof CustomOrder>

  @hasMany(() => InvoiceItem, { onQuery: (query) => query.orderBy('position', 'asc') })
  declare items: HasMany<typeof InvoiceItem>

  @hasMany(() => PaymentPlan)
  declare paymentPlans: HasMany<typeof PaymentPlan>

  @computed()
  get balance() {
    return Math.max(this.total - this.amountPaid, 0)
  }

  static outstanding = scope((query) => {
    query.where('status', 'open')
  })

  static overdue = scope((query, today: DateTime = DateTime.now()) => {
    query.where('status', 'open').where('due_on', '<', today.toISODate()!)
  })

  @beforeCreate()
  static async assignNumber(invoice: Invoice) {
    invoice.number ||= await nextNumber('invoice', invoice.$trx)
  }

  /** Sums the items into subtotal and total (tax stays as set). */
  async recalculate(trx?: TransactionClientContract) {
    if (trx) this.useTransaction(trx)
    const items = await InvoiceItem.query({ client: trx ?? this.$trx }).where('invoice_id', this.id)
    this.subtotal = items.reduce((sum, item) => sum + item.lineTotal, 0)
    this.total = this.subtotal + this.taxAmount
    await this.save()
  }

  async issue(trx?: TransactionClientContract) {
    assertTransition('Invoice', this.status, 'open', TRANSITIONS)
    this.status = 'open'
    this.issuedAt = DateTime.now()
    await this.persist(trx)
  }

  /** Adds a received amount; the invoice becomes paid once nothing is left to pay. */
  async recordPayment(amount: number, trx?: TransactionClientContract) {
    if (this.status !== 'open') assertTransition('Invoice', this.status, 'paid', TRANSITIONS)
    this.amountPaid += amount
    if (this.amountPaid >= this.total) return this.markPaid(trx)
    await this.persist(trx)
  }

  async markPaid(trx?: TransactionClientContract) {
    assertTransition('Invoice', this.status, 'paid', TRANSITIONS)
    this.status = 'paid'
    this.amountPaid = Math.max(this.amountPaid, this.total)
    this.paidAt = DateTime.now()
    await this.persist(trx)
  }

  async markVoid(trx?: TransactionClientContract) {
    assertTransition('Invoice', this.status, 'void', TRANSITIONS)
    this.status = 'void'
    this.voidedAt = DateTime.now()
    await this.persist(trx)
  }

  private async persist(trx?: TransactionClientContract) {
    if (trx) this.useTransaction(trx)
    await this.save()
  }
}
