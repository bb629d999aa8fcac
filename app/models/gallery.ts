import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import GalleryVisitor from '#models/gallery_visitor'
import Photo from '#models/photo'
import PhotoSession from '#models/photo_session'
import { SoftDeletes } from '#models/concerns/soft_deletes'
import { booleanColumn } from '#models/concerns/boolean_column'
import { sqlTime } from '#services/db/sql_time'
import { assertTransition } from '#models/concerns/state_machine'

export const GALLERY_STATUSES = ['draft', 'published', 'expired', 'archived'] as const
export type GalleryStatus = (typeof GALLERY_STATUSES)[number]

const TRANSITIONS: Record<GalleryStatus, readonly GalleryStatus[]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'expired', 'archived'],
  expired: ['published', 'archived'],
  archived: [],
}

/** Extending moves the expiry date of a live gallery, or brings an expired one back. */
const EXTENDABLE: Record<GalleryStatus, readonly GalleryStatus[]> = {
  draft: [],
  published: ['published'],
  expired: ['published'],
  archived: [],
}

/** The photos of a session (or a portfolio/event), delivered to a family behind an access code. */
export default class Gallery extends compose(AppModel, SoftDeletes) {
  @column()
  declare photoSessionId: string | null

  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column()
  declare accessCode: string

  @column({ serializeAs: null })
  declare passwordHash: string | null

  @column()
  declare status: GalleryStatus

  @booleanColumn()
  declare publicShareEnabled: boolean

  @booleanColumn()
  declare downloadEnabled: boolean

  @booleanColumn()
  declare socialShareEnabled: boolean

  @booleanColumn()
  declare watermarkEnabled: boolean

  /** How many photos the client may pick; null = no limit. */
  @column()
  declare selectionLimit: number | null

  @column()
  declare coverPhotoId: string | null

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime()
  declare expiryRemindedAt: DateTime | null

  @column.dateTime()
  declare selectionSubmittedAt: DateTime | null

  @column()
  declare selectionVisitorId: string | null

  @column()
  declare failedAccessAttempts: number

  @column()
  declare lastExpiryReminderDays: number | null

  @column.dateTime()
  declare expiredNoticeSentAt: DateTime | null

  @column()
  declare viewCount: number

  @column()
  declare downloadCount: number

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Photo, { foreignKey: 'coverPhotoId' })
  declare coverPhoto: BelongsTo<typeof Photo>

  @hasMany(() => Photo)
  declare photos: HasMany<typeof Photo>

  @hasMany(() => GalleryVisitor)
  declare visitors: HasMany<typeof GalleryVisitor>

  /** Live galleries: published and not past their expiry date. */
  static published = scope((query, now: DateTime = DateTime.now()) => {
    const at = sqlTime(now)
    query.where('status', 'published').where((q) => q.whereNull('expires_at').orWhere('expires_at', '>', at))
  })

  /** Expired, or still marked published but past the date (the nightly job has not run yet). */
  static expired = scope((query, now: DateTime = DateTime.now()) => {
    const at = sqlTime(now)
    query.where((q) =>
      q.where('status', 'expired').orWhere((p) => p.where('status', 'published').where('expires_at', '<=', at))
    )
  })

  /** Published galleries whose expiry falls within the next `days` days. */
  static expiringWithin = scope((query, days: number, now: DateTime = DateTime.now()) => {
    query
      .where('status', 'published')
      .where('expires_at', '>', sqlTime(now))
      .where('expires_at', '<=', sqlTime(now.plus({ days })))
  })

  static withAccessCode = scope((query, code: string) => {
    query.where('access_code', code.trim().toUpperCase())
  })

  isExpired(now: DateTime = DateTime.now()) {
    return this.status === 'expired' || (!!this.expiresAt && this.expiresAt <= now)
  }

  /** What a family can open right now. */
  isViewable(now: DateTime = DateTime.now()) {
    return this.status === 'published' && !this.isExpired(now) && !this.isTrashed
  }

  publish(options: { expiresAt?: DateTime | null; now?: DateTime } = {}) {
    assertTransition('Gallery', this.status, 'published', TRANSITIONS)
    const now = options.now ?? DateTime.now()
    this.status = 'published'
    this.publishedAt = now
    if (options.expiresAt !== undefined) this.expiresAt = options.expiresAt
    this.resetExpiryNotices()
    return this.save()
  }

  unpublish() {
    assertTransition('Gallery', this.status, 'draft', TRANSITIONS)
    this.status = 'draft'
    return this.save()
  }

  expire(now: DateTime = DateTime.now()) {
    assertTransition('Gallery', this.status, 'expired', TRANSITIONS)
    this.status = 'expired'
    if (!this.expiresAt || this.expiresAt > now) this.expiresAt = now
    return this.save()
  }

  archive() {
    assertTransition('Gallery', this.status, 'archived', TRANSITIONS)
    this.status = 'archived'
    return this.save()
  }

  /** New expiry date; an expired gallery goes live again. */
  extend(until: DateTime, now: DateTime = DateTime.now()) {
    assertTransition('Gallery', this.status, 'published', EXTENDABLE)
    if (until <= now) throw new RangeError('A gallery can only be extended to a future date')
    this.status = 'published'
    this.expiresAt = until
    this.resetExpiryNotices()
    return this.save()
  }

  /** A new expiry date earns its own reminders and "expired" notice. */
  private resetExpiryNotices() {
    this.expiryRemindedAt = null
    this.lastExpiryReminderDays = null
    this.expiredNoticeSentAt = null
  }
}
