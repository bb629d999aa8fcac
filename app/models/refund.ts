import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Payment from '#models/payment'
import Invoice from '#models/invoice'
import User from '#models/user'

export type RefundStatus = 'processing' | 'succeeded' | 'pending' | 'failed'

/**
 * Money given back on a payment, one row per request: its unique idempotency key (one per
 * refund form) is what makes a double submit refund once. `processing` until the gateway
 * answered; `pending` when the provider will settle it later.
 */
export default class Refund extends AppModel {
  @column()
  declare paymentId: string

  @column()
  declare invoiceId: string | null

  @column()
  declare amount: number

  @column()
  declare currency: string

  @column()
  declare reason: string

  @column()
  declare idempotencyKey: string

  @column()
  declare status: RefundStatus

  @column()
  declare providerRefundId: string | null

  @column()
  declare failureCode: string | null

  @column()
  declare failureReason: string | null

  @column()
  declare actorId: string | null

  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  @belongsTo(() => Invoice)
  declare invoice: BelongsTo<typeof Invoice>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
