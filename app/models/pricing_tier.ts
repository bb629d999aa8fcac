import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Subscription from '#models/subscription'
import User from '#models/user'
import { booleanColumn } from '#models/concerns/boolean_column'

export const PRICING_TIER_KEYS = ['free', 'pay_per_image', 'monthly'] as const
export type PricingTierKey = (typeof PRICING_TIER_KEYS)[number]

/**
 * How AI transformations are paid once the free ones are used: per image, or a
 * monthly subscription with a limit. Amounts in cents.
 */
export default class PricingTier extends AppModel {
  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare costPerImage: number | null

  @column()
  declare monthlyLimit: number | null

  @column()
  declare costPerMonth: number | null

  @column()
  declare currency: string

  @booleanColumn()
  declare active: boolean

  @column()
  declare sortOrder: number

  @hasMany(() => Subscription)
  declare subscriptions: HasMany<typeof Subscription>

  @hasMany(() => User)
  declare users: HasMany<typeof User>

  static active = scope((query) => {
    query.where('active', true).orderBy('sort_order')
  })

  get isSubscription() {
    return this.costPerMonth !== null && this.costPerMonth !== undefined
  }
}
