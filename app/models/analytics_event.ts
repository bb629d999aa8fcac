import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'

export const ANALYTICS_EVENT_NAMES = [
  'page_view',
  'artwork_view',
  'product_view',
  'gallery_view',
  'search',
  'add_to_cart',
  'checkout_started',
  'purchase',
] as const
export type AnalyticsEventName = (typeof ANALYTICS_EVENT_NAMES)[number]

/** One tracked visitor action. Visitors are a salted hash, never an IP. */
export default class AnalyticsEvent extends AppModel {
  @column()
  declare name: AnalyticsEventName

  @column()
  declare path: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column({ serializeAs: null })
  declare visitorHash: string

  @column()
  declare referrer: string | null

  /** A visitor's hash for the day: the same person counts once per day and can't be traced across days. */
  static visitorHashFor(parts: { ip: string; userAgent: string; salt: string; day?: DateTime }) {
    const day = (parts.day ?? DateTime.now()).toISODate()
    return createHash('sha256').update(`${parts.salt}|${day}|${parts.ip}|${parts.userAgent}`).digest('hex')
  }

  static named = scope((query, name: AnalyticsEventName) => {
    query.where('name', name)
  })

  static since = scope((query, from: DateTime) => {
    query.where('created_at', '>=', from.toFormat(query.client.dialect.dateTimeFormat))
  })

  static about = scope((query, subjectType: string, subjectId: string) => {
    query.where('subject_type', subjectType).where('subject_id', subjectId)
  })
}
