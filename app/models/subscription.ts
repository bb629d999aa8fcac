import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PricingTier from '#models/pricing_tier'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'
import { sqlTime } from '#support/db/sql_time'

export const SUBSCRIPTION_STATUSES = ['active', 'past_due', 'cancelled', 'expired'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

/** `active → active` is a renewal: a new period, guarded by the period it replaces. */
export const subscriptionStates = defineStateMachine<SubscriptionStatus>('Subscription', {
  active: ['active', 'past_due', 'cancelled', 'expired'],
  past_due: ['active', 'cancelled', 'expired'],
  cancelled: [],
  expired: [],
})

/** A customer's monthly AI tier: transformations up to the tier's limit per billing period. */
export default class Subscription extends AppModel {
  @column()
  declare userId: string

  @column()
  declare pricingTierId: string

  @column()
  declare provider: 'stripe' | 'offline' | 'paypal'

  @column()
  declare providerSubscriptionId: string | null

  @column()
  declare status: SubscriptionStatus

  @column.dateTime()
  declare currentPeriodStart: DateTime

  @column.dateTime()
  declare currentPeriodEnd: DateTime

  @column()
  declare usageInPeriod: number

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PricingTier)
  declare pricingTier: BelongsTo<typeof PricingTier>

  @beforeCreate()
  static defaults(subscription: Subscription) {
    subscription.status ??= 'active'
    subscription.usageInPeriod ??= 0
  }

  /** Active and inside its current period. */
  static current = scope((query, now: DateTime = DateTime.now()) => {
    const at = now.toFormat(query.client.dialect.dateTimeFormat)
    query.where('status', 'active').where('current_period_start', '<=', at).where('current_period_end', '>', at)
  })

  hasQuotaLeft(tier: PricingTier) {
    return tier.monthlyLimit === null || this.usageInPeriod < tier.monthlyLimit
  }

  /**
   * A new paid period (a past-due subscription becomes active again). The period read
   * is checked in the same UPDATE, so one payment renews it once.
   */
  renew(periodStart: DateTime, periodEnd: DateTime, options: ChangeOptions = {}) {
    const seenEnd = this.currentPeriodEnd
    return transition(this, subscriptionStates, 'active', {
      ...options,
      set: { currentPeriodStart: periodStart, currentPeriodEnd: periodEnd, usageInPeriod: 0 },
      where: (query) => query.where('current_period_end', sqlTime(seenEnd)),
    })
  }

  markPastDue(options: ChangeOptions = {}) {
    return transition(this, subscriptionStates, 'past_due', options)
  }

  cancel(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, subscriptionStates, 'cancelled', { ...options, now, set: { cancelledAt: now } })
  }

  expire(options: ChangeOptions = {}) {
    return transition(this, subscriptionStates, 'expired', options)
  }
}
