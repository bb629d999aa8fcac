import { randomUUID } from 'node:crypto'
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
import Payment from '#models/payment'
import { defineStateMachine, stillHolds, transition, transitionMany, type ChangeOptions } from '#models/concerns/state_machine'
import { nextNumber, nextNumbers } from '#support/next_number'

const PROVISIONAL = '~'

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** What an invoice bills: a session's deposit, balance or plan, a shop order, a commission milestone. */
export const INVOICE_KINDS = ['deposit', 'balance', 'plan', 'order', 'milestone', 'other'] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]

/** `open → open` is a partial payment, guarded by the amount paid so far. */
export const invoiceStates = defineStateMachine<InvoiceStatus>('Invoice', {
  draft: ['open', 'void'],
  open: ['open', 'paid', 'void'],
  paid: [],
  void: [],
})

/** A bill for a session, an order or a custom order (`INV-2026-000789`). */
export default class Invoice extends AppModel {
  @column()
  declare number: string

  /** Null for a guest's shop order: the billed-to name and email are all there is. */
  @column()
  declare userId: string | null

  /** Who it is billed to, as they were when it was written (an account, or a guest's order). */
  @column()
  declare billedToName: string | null

  @column()
  declare billedToEmail: string | null

  @column()
  declare photoSessionId: string | null

  @column()
  declare orderId: string | null

  @column()
  declare customOrderId: string | null

  @column()
  declare customOrderMilestoneId: string | null

  @column()
  declare kind: InvoiceKind

  @column()
  declare status: InvoiceStatus

  @column()
  declare subtotal: number

  @column()
  declare taxAmount: number

  /** An order's discount, taken off the items (items can't be negative). */
  @column()
  declare discountAmount: number

  /** Money given back on this invoice's payments (the invoice stays paid: it was). */
  @column()
  declare refundedAmount: number

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

  /** When it was last emailed to the family. */
  @column.dateTime()
  declare sentAt: DateTime | null

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

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @computed()
  get balance() {
    return Math.max(this.total - this.amountPaid, 0)
  }

  /** What the family paid and kept. */
  get netPaid() {
    return this.amountPaid - (this.refundedAmount ?? 0)
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

  @beforeCreate()
  static async billAccount(invoice: Invoice) {
    if (invoice.billedToName || invoice.billedToEmail || !invoice.userId) return
    invoice.merge(Invoice.billedTo(await User.find(invoice.userId, { client: invoice.$trx })))
  }

  /** The billed-to columns for an account. */
  static billedTo(user: User | null) {
    return { billedToName: user?.fullName ?? null, billedToEmail: user?.email ?? null }
  }

  /** A stand-in number (unique, 32 chars at most like the column, never seen once committed) for a draft numbered by `takeNumber` later in its transaction. */
  static provisionalNumber() {
    return `${PROVISIONAL}${randomUUID().replaceAll('-', '').slice(0, 31)}`
  }

  /**
   * Gives a draft created with `provisionalNumber()` its real number. The year's counter is
   * one row every numbering transaction writes, and its lock is held until commit: claimed
   * as the last statement, concurrent billing charges queue on it for a commit, not a
   * whole invoice's worth of statements. Gapless as before: the claim commits or rolls
   * back with the invoice.
   */
  async takeNumber(trx: TransactionClientContract) {
    await Invoice.takeNumbers([this], trx)
  }

  /** `takeNumber` for many drafts at once: their numbers in one claim and one UPDATE, in the order given. */
  static async takeNumbers(invoices: Invoice[], trx: TransactionClientContract) {
    const provisional = invoices.filter((invoice) => invoice.number.startsWith(PROVISIONAL))
    if (!provisional.length) return
    const numbers = await nextNumbers('invoice', provisional.length, trx)
    const cases = provisional.flatMap((invoice, n) => [invoice.id, numbers[n]])
    await trx
      .knexQuery()
      .table(Invoice.table)
      .whereIn('id', provisional.map((invoice) => invoice.id))
      .update({ number: trx.knexRawQuery(`CASE id ${provisional.map(() => 'WHEN ? THEN ?').join(' ')} ELSE number END`, cases) })
    provisional.forEach((invoice, n) => {
      invoice.number = numbers[n]
      invoice.$original.number = numbers[n]
    })
  }

  /** Sums the items into subtotal and total (tax stays as set). */
  async recalculate(trx?: TransactionClientContract) {
    if (trx) this.useTransaction(trx)
    const items = await InvoiceItem.query({ client: trx ?? this.$trx }).where('invoice_id', this.id)
    this.subtotal = items.reduce((sum, item) => sum + item.lineTotal, 0)
    this.total = this.subtotal - (this.discountAmount ?? 0) + this.taxAmount
    await this.save()
  }

  issue(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, invoiceStates, 'open', { ...options, now, from: ['draft'], set: { issuedAt: now } })
  }

  /**
   * Adds a received amount to an open invoice; it becomes paid once nothing is left to
   * pay. The amount paid so far is checked in the same UPDATE: two payments recorded at
   * once both count, one after the other, never one over the other.
   */
  recordPayment(amount: number, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const before = this.amountPaid
    const paid = before + amount
    const settled = paid >= this.total
    return transition(this, invoiceStates, settled ? 'paid' : 'open', {
      ...options,
      now,
      from: ['open'],
      set: settled ? { amountPaid: paid, paidAt: now } : { amountPaid: paid },
      where: (query) => query.where('amount_paid', before),
    })
  }

  /** `issue` for many drafts in one statement. Returns those that moved. */
  static issueMany(invoices: Invoice[], options: ChangeOptions & { client: TransactionClientContract }) {
    const now = options.now ?? DateTime.now()
    return transitionMany(invoices, invoiceStates, 'open', { ...options, now, from: ['draft'], set: { issuedAt: now } })
  }

  /**
   * `recordPayment` for many open invoices (one amount each) in two statements: those it
   * settles and the others. Returns the invoices that moved.
   */
  static async recordPayments(amounts: Map<Invoice, { amount: number; note: string }>, options: ChangeOptions & { client: TransactionClientContract }) {
    const now = options.now ?? DateTime.now()
    const moved: Invoice[] = []
    for (const settles of [true, false]) {
      const group = [...amounts.keys()].filter((invoice) => invoice.amountPaid + amounts.get(invoice)!.amount >= invoice.total === settles)
      const changed = await transitionMany(group, invoiceStates, settles ? 'paid' : 'open', {
        ...options,
        now,
        from: ['open'],
        set: settles ? { paidAt: now } : {},
        each: (invoice) => ({ amountPaid: invoice.amountPaid + amounts.get(invoice)!.amount }),
        where: stillHolds('amount_paid', new Map(group.map((invoice) => [invoice.id, invoice.amountPaid]))),
        noteOf: (invoice) => amounts.get(invoice)!.note,
      })
      moved.push(...changed)
    }
    return moved
  }

  /** Settled outside the payments (written off, paid in cash): what was owed counts as paid. */
  markPaid(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const before = this.amountPaid
    return transition(this, invoiceStates, 'paid', {
      ...options,
      now,
      set: { amountPaid: Math.max(before, this.total), paidAt: now },
      where: (query) => query.where('amount_paid', before),
    })
  }

  /** Only an invoice nothing was paid on can be voided (checked in the same UPDATE). */
  markVoid(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, invoiceStates, 'void', { ...options, now, set: { voidedAt: now }, where: (query) => query.where('amount_paid', 0) })
  }
}
