import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'

/** The studio's one row of settings: money rules, booking rules, gallery rules. */
export default class StudioSetting extends AppModel {
  static table = 'studio_settings'

  @column({ serializeAs: null })
  declare singleton: boolean

  @column()
  declare name: string

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column()
  declare address: string | null

  @column()
  declare timezone: string

  @column()
  declare currency: string

  /** Sales tax in basis points: 825 = 8.25 %. */
  @column()
  declare taxRateBps: number

  @column()
  declare depositPercent: number

  @column()
  declare cancellationWindowHours: number

  /** AI transformations each customer gets before paying. */
  @column()
  declare freeTransformations: number

  @column()
  declare watermarkText: string | null

  @column()
  declare galleryDefaultDays: number

  /** Days before a gallery expires that the family is reminded. */
  @column()
  declare galleryReminderDays: number

  @column()
  declare sessionReminderHours: number

  @column()
  declare slotMinutes: number

  @column()
  declare bookingMinNoticeHours: number

  @column()
  declare bookingHorizonDays: number

  @column()
  declare paymentRetryDays: number

  @column()
  declare maxPaymentAttempts: number

  /** The settings row, created with the defaults the first time anyone asks. */
  static async current(options: { client?: QueryClientContract } = {}) {
    const existing = await this.query(options).first()
    if (existing) return existing
    try {
      const created = await this.create({ name: 'Loupe Studio', singleton: true }, options)
      return await created.refresh()
    } catch (error) {
      // Another request created the row between our read and our insert.
      const row = await this.query(options).first()
      if (row) return row
      throw error
    }
  }

  depositFor(totalCents: number) {
    return Math.round((totalCents * this.depositPercent) / 100)
  }

  taxFor(amountCents: number) {
    return Math.round((amountCents * this.taxRateBps) / 10_000)
  }

  galleryExpiryFrom(publishedAt: DateTime) {
    return publishedAt.plus({ days: this.galleryDefaultDays })
  }

  /** Whether a session starting at `startsAt` can still be cancelled without losing the deposit. */
  canCancelFreely(startsAt: DateTime, now: DateTime = DateTime.now()) {
    return startsAt.diff(now, 'hours').hours >= this.cancellationWindowHours
  }
}
