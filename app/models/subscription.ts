import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PricingTier from '#models/pricing_tier'
import { assertTransition } from '#models/concerns/state_machine'

export const SUBSCRIPTION_STATUSES = ['active', 'past_due', 'cancelled', 'expired'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

const TRANSITIONS: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  active: ['past_due', 'cancelled', 'expired'],
  past_due: ['active', 'cancelled', 'expired'],
  cancelled: [],
  expired: [],
}

/** A customer's monthly AI tier: transformations up to the tier's limit per billing period. */
export default class Subscription extends AppModel {
  @column()
  declare userId: string

  @column()
  declare pricingTierId: string

  @column()
  declare provider: 'stripe' | 'offline'

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

  async renew(periodStart: DateTime, periodEnd: DateTime) {
    if (this.status !== 'active') this.transitionTo('active')
    this.currentPeriodStart = periodStart
    this.currentPeriodEnd = periodEnd
    this.usageInPeriod = 0
    await this.save()
  }

  async markPastDue() {
    this.transitionTo('past_due')
    await this.save()
  }

  async cancel() {
    this.transitionTo('cancelled')
    this.cancelledAt = DateTime.now()
    await this.save()
  }

  async expire() {
    this.transitionTo('expired')
    await this.save()
  }

  private transitionTo(to: SubscriptionStatus) {
    assertTransition('Subscription', this.status, to, TRANSITIONS)
    this.status = to
  }
}
