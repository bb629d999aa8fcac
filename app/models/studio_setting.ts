import { jsonColumn } from '#models/concerns/json_column'
import { DateTime } from 'luxon'
import { afterUpdate, column } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import { booleanColumn } from '#models/concerns/boolean_column'

/** The studio's one row of settings: money rules, booking rules, gallery rules. */
const ZONE_TTL_MS = 60_000
let zoneRead: { at: number; zone: Promise<string> } | null = null

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

  /** Basis points by "US-CA", then "US", then "*" (see app/shop/rates.ts). */
  @jsonColumn()
  declare shopTaxRates: Record<string, number> | null

  /** Cents by region, then method, then weight class (see app/shop/rates.ts). */
  @jsonColumn()
  declare shopShippingRates: Record<string, Record<string, Record<string, number>>> | null

  /** How long a new order can be cancelled by the customer or adjusted by the studio. */
  @column()
  declare orderReviewMinutes: number

  @column()
  declare depositPercent: number

  @column()
  declare cancellationWindowHours: number

  /** AI transformations each customer gets before paying. */
  @column()
  declare freeTransformations: number

  @column()
  declare watermarkText: string | null

  /** A PNG logo on the default Drive disk, drawn instead of the text. */
  @column()
  declare watermarkLogoKey: string | null

  /** Percent, 5–100. */
  @column()
  declare watermarkOpacity: number

  /** Percent of a photo's short edge: the text's height, or the logo's width. */
  @column()
  declare watermarkSize: number

  /** One of WATERMARK_PLACEMENTS (app/services/images/watermark.ts). */
  @column()
  declare watermarkPlacement: 'tiled' | 'center' | 'bottom_right' | 'bottom_left' | 'top_right' | 'top_left'

  /** Degrees, for the tiled placement. */
  @column()
  declare watermarkAngle: number

  /** Moved by every change of the watermark: photos marked with an older one are re-made. */
  @column()
  declare watermarkVersion: number

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

  /** Minutes kept free before and after every session (setup, clean-up). */
  @column()
  declare bufferBeforeMinutes: number

  @column()
  declare bufferAfterMinutes: number

  /** Sessions the studio takes on one day at most; null = no limit. */
  @column()
  declare maxSessionsPerDay: number | null

  /** A payment plan's last installment falls due at least this many days before the session. */
  @column()
  declare planFinalDueDays: number

  @column()
  declare paymentRetryDays: number

  @column()
  declare maxPaymentAttempts: number

  /** Deliver originals with their GPS and personal EXIF (off: stripped, losslessly). */
  @booleanColumn()
  declare keepOriginalMetadata: boolean

  /** The studio's logo on its gallery pages: a URL or a path under public/; null shows the name. */
  @column()
  declare logoUrl: string | null

  /** The logo uploaded at Admin → Branding (served by `studio_logos.show`), if any. */
  @column()
  declare logoMediaAssetId: string | null

  /** #rrggbb for buttons and links on gallery pages (null: Loupe's own). */
  @column()
  declare brandColor: string | null

  /** #rrggbb behind the gallery pages' header (null: white). */
  @column()
  declare headerColor: string | null

  /** Gallery pages keep the branding a minute: this process sees its own change at once. */
  @afterUpdate()
  static async forgetBranding() {
    zoneRead = null
    const { forgetStudioBranding } = await import('#services/studio/branding')
    forgetStudioBranding()
  }

  /**
   * The studio's time zone, read at most once a minute: the busiest pages (the kiosk board
   * every tablet polls) need only it to know which day "today" is, and it almost never
   * changes. This process sees its own change at once, another within the minute.
   */
  static zone(now = Date.now()): Promise<string> {
    if (!zoneRead || now - zoneRead.at > ZONE_TTL_MS) {
      const zone = this.current().then((settings) => settings.timezone)
      zoneRead = { at: now, zone }
      zone.catch(() => (zoneRead = null))
    }
    return zoneRead.zone
  }

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
