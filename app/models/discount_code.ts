import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import { sqlTime } from '#support/db/sql_time'

export const DISCOUNT_KINDS = ['percent', 'fixed'] as const
export type DiscountKind = (typeof DISCOUNT_KINDS)[number]

export const DISCOUNT_TARGETS = ['order', 'shipping', 'buy_x_get_y'] as const
export type DiscountTarget = (typeof DISCOUNT_TARGETS)[number]

/** A checkout code: `amount` is a whole percent or cents, depending on `kind`. */
export default class DiscountCode extends AppModel {
  @column({ prepare: (value: string) => value?.trim().toUpperCase() })
  declare code: string

  @column()
  declare description: string | null

  @column()
  declare kind: DiscountKind

  @column()
  declare amount: number

  @column.dateTime()
  declare startsAt: DateTime | null

  @column.dateTime()
  declare endsAt: DateTime | null

  @column()
  declare maxRedemptions: number | null

  @column()
  declare appliesTo: DiscountTarget

  /** Cents of merchandise needed before the code applies. */
  @column()
  declare minOrderAmount: number | null

  @column()
  declare maxPerCustomer: number | null

  /** buy_x_get_y: in every group of buy + get units, the `get` cheapest are discounted. */
  @column()
  declare buyQuantity: number | null

  @column()
  declare getQuantity: number | null

  @column()
  declare redemptions: number

  /** Codes are matched case-insensitively: they are stored upper-case. */
  static forCode = scope((query, code: string) => {
    query.where('code', code.trim().toUpperCase())
  })

  /** Codes usable now: inside their window and not used up. */
  static redeemable = scope((query, now: DateTime = DateTime.now()) => {
    const at = sqlTime(now)
    query
      .where((q) => q.whereNull('starts_at').orWhere('starts_at', '<=', at))
      .where((q) => q.whereNull('ends_at').orWhere('ends_at', '>', at))
      .where((q) => q.whereNull('max_redemptions').orWhereColumn('redemptions', '<', 'max_redemptions'))
  })

  isRedeemable(now: DateTime = DateTime.now()) {
    if (this.startsAt && this.startsAt > now) return false
    if (this.endsAt && this.endsAt <= now) return false
    return this.maxRedemptions === null || this.redemptions < this.maxRedemptions
  }

  /** Cents taken off a subtotal (never more than the subtotal). */
  discountFor(subtotal: number) {
    const off = this.kind === 'percent' ? Math.round((subtotal * this.amount) / 100) : this.amount
    return Math.min(off, subtotal)
  }

  /**
   * Counts one use with a single conditional UPDATE, so two checkouts racing for the
   * last redemption cannot both win. Returns false when the code is used up or out of its window.
   */
  async redeem(now: DateTime = DateTime.now()) {
    const updated = await DiscountCode.query({ client: this.$trx })
      .where('id', this.id)
      .withScopes((scopes) => scopes.redeemable(now))
      .increment('redemptions', 1)
    const count = Array.isArray(updated) ? Number(updated[0]) : Number(updated)
    if (count > 0) this.redemptions += 1
    return count > 0
  }
}
