import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { fromDbTime } from '#support/db/db_time'
import { compose, safeEqual } from '@adonisjs/core/helpers'
import { beforeSave, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import GalleryVisitor from '#models/gallery_visitor'
import Photo from '#models/photo'
import PhotoSession from '#models/photo_session'
import { SoftDeletes } from '#models/concerns/soft_deletes'
import { booleanColumn } from '#models/concerns/boolean_column'
import { sqlTime } from '#support/db/sql_time'
import { prepared } from '#support/db/prepared'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const GALLERY_STATUSES = ['draft', 'published', 'expired', 'archived'] as const
export type GalleryStatus = (typeof GALLERY_STATUSES)[number]

/**
 * `published → published` is an extension (a new expiry date); publishing itself is
 * only from draft or expired.
 */
export const galleryStates = defineStateMachine<GalleryStatus>('Gallery', {
  draft: ['published', 'archived'],
  published: ['published', 'draft', 'expired', 'archived'],
  expired: ['published', 'archived'],
  archived: [],
})

/** How many photos the family may pick, and what each one beyond that costs. */
export interface SelectionTerms {
  limit: number | null
  extraPrice: number
  currency: string
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

  /** The studio started editing the submitted selection: the family can no longer reopen it (the studio can unlock it). */
  @column.dateTime()
  declare selectionEditingStartedAt: DateTime | null

  @column()
  declare failedAccessAttempts: number

  /**
   * Bumped whenever the way in changes (code, password, public share off, unpublished,
   * deleted): visitors' passes name the version they were issued under, so all end at once.
   */
  @column()
  declare accessVersion: number

  /**
   * Bumped whenever what the grid shows changes (see photosChanged): the key of every
   * process's cached photo list (CachedGalleryPhotos).
   */
  @column()
  declare photosVersion: number

  /** The public share link's secret while public share is on (compared in constant time). */
  @column({ serializeAs: null })
  declare shareToken: string | null

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

  /**
   * With what access rules and gallery pages need from the photo session, its package and
   * its family, read in the same query (`$extras`): no query of their own for familyId(),
   * photographerId(), familyEmail() or the selection terms.
   */
  static withAccessFacts = scope((query) => {
    query
      .leftJoin('photo_sessions', 'photo_sessions.id', 'galleries.photo_session_id')
      .leftJoin('packages', 'packages.id', 'photo_sessions.package_id')
      .leftJoin('users as families', 'families.id', 'photo_sessions.user_id')
      .select(
        // Named columns, not galleries.*: findBySlug's statement is prepared (see prepared()).
        ...[...Gallery.$columnsDefinitions.values()].map((column) => `galleries.${column.columnName}`),
        'photo_sessions.user_id as family_user_id',
        'families.email as family_email',
        'photo_sessions.photographer_id as session_photographer_id',
        'photo_sessions.currency as session_currency',
        'photo_sessions.starts_at as session_starts_at',
        'packages.included_photos as package_included_photos',
        'packages.extra_photo_price as package_extra_photo_price'
      )
  })

  /**
   * What the grid of these galleries shows changed (photos uploaded, processed, reordered,
   * hidden, edited or deleted; published): every cached photo list of them is stale. Pass
   * the transaction that makes the change, so the new version is seen with it.
   */
  static async photosChanged(galleryIds: string | string[], client?: TransactionClientContract) {
    const ids = [galleryIds].flat()
    if (!ids.length) return
    await (client ?? db).from('galleries').whereIn('id', ids).increment('photos_version', 1)
  }

  /**
   * The one way to find a gallery by its address (soft-deleted ones are not found). Given
   * the hashes of the gallery passes a browser holds, the visitor holding one of them to
   * this gallery comes in the same query (GalleryVisitor.joinedByPass reads it).
   */
  static findBySlug(slug: string, passHashes: string[] = []) {
    const lowered = String(slug).toLowerCase()
    const query = this.query()
      .withScopes((scopes) => scopes.withAccessFacts())
      .where('galleries.slug', lowered)
    if (passHashes.length) GalleryVisitor.joinByPass(query, passHashes)
    // The gallery page's one query: prepared, it is planned once per connection and compiled once per process.
    return prepared(query, `gallery_by_slug_${passHashes.length}`, [...passHashes, lowered, 1]).first()
  }

  /** By id, with the same facts as findBySlug (for the studio's pages). */
  static findWithFacts(id: string) {
    return this.query()
      .withScopes((scopes) => scopes.withAccessFacts())
      .where('galleries.id', id)
      .first()
  }

  /** The day of the photo session (the gallery page's hero), when read with the access facts. */
  sessionStartsAt(): DateTime | null {
    const value = this.$extras.session_starts_at
    return value ? fromDbTime(value) : null
  }

  /** The family account that owns the gallery (through its photo session), if any. */
  async familyId(): Promise<string | null> {
    return (await this.sessionFacts()).family_user_id ?? null
  }

  async familyEmail(): Promise<string | null> {
    return (await this.sessionFacts()).family_email ?? null
  }

  /** The photographer of the gallery's photo session, if any. */
  async photographerId(): Promise<string | null> {
    return (await this.sessionFacts()).session_photographer_id ?? null
  }

  private async sessionFacts(): Promise<Record<string, any>> {
    if (!this.photoSessionId) return {}
    if (!('family_user_id' in this.$extras)) {
      const row = await db
        .from('photo_sessions')
        .leftJoin('users', 'users.id', 'photo_sessions.user_id')
        .where('photo_sessions.id', this.photoSessionId)
        .select('photo_sessions.user_id as family_user_id', 'users.email as family_email')
        .select('photo_sessions.photographer_id as session_photographer_id')
        .first()
      Object.assign(this.$extras, { family_user_id: null, family_email: null, session_photographer_id: null, ...row })
    }
    return this.$extras
  }

  /**
   * The way in changed (a new code, a new password, public share off, deleted): every
   * visitor's pass and remembered code was issued under the old access version and stops
   * opening the gallery. Public share on gets a fresh link secret; off forgets it.
   */
  @beforeSave()
  static guardAccess(gallery: Gallery) {
    if (gallery.publicShareEnabled && !gallery.shareToken) gallery.shareToken = randomBytes(24).toString('base64url')
    if (!gallery.publicShareEnabled) gallery.shareToken = null
    if (!gallery.$isPersisted) {
      gallery.accessVersion ??= 1
      return
    }
    const dirty = gallery.$dirty
    const shareTurnedOff = 'publicShareEnabled' in dirty && !gallery.publicShareEnabled
    if ('accessCode' in dirty || !!dirty.passwordHash || shareTurnedOff || !!dirty.deletedAt) {
      gallery.accessVersion = Number(gallery.$original.accessVersion ?? gallery.accessVersion) + 1
    }
  }

  /** Whether `token` is this gallery's public share secret (compared in constant time). */
  opensWithShareToken(token: string) {
    return this.publicShareEnabled && !!this.shareToken && safeEqual(token, this.shareToken)
  }

  /** The gallery's own limit, else its package's included photos (read by withAccessFacts). */
  selectionTerms(): SelectionTerms {
    const included = this.$extras.package_included_photos
    return {
      limit: this.selectionLimit ?? (included === null || included === undefined ? null : Number(included)),
      extraPrice: Number(this.$extras.package_extra_photo_price ?? 0),
      currency: this.$extras.session_currency ?? 'USD',
    }
  }

  isExpired(now: DateTime = DateTime.now()) {
    return this.status === 'expired' || (!!this.expiresAt && this.expiresAt <= now)
  }

  /** What a family can open right now. */
  isViewable(now: DateTime = DateTime.now()) {
    return this.status === 'published' && !this.isExpired(now) && !this.isTrashed
  }

  /** Opens a draft or expired gallery; false when it was not (any more) in one of those. */
  publish(options: ChangeOptions & { expiresAt?: DateTime | null } = {}) {
    const now = options.now ?? DateTime.now()
    const set: Record<string, unknown> = { publishedAt: now, ...NOTICES_RESET }
    if (options.expiresAt !== undefined) set.expiresAt = options.expiresAt
    return transition(this, galleryStates, 'published', { from: ['draft', 'expired'], set, ...options, now })
  }

  /** Back to draft; every visitor's pass ends with it (a new access version). */
  unpublish(options: ChangeOptions = {}) {
    return transition(this, galleryStates, 'draft', { ...options, set: { accessVersion: this.accessVersion + 1 } })
  }

  /**
   * Closes a published gallery (never deleted); its expiry date becomes now unless already
   * past. `dueOnly` (the nightly run) expires it only if its date has come.
   */
  expire(options: ChangeOptions & { dueOnly?: boolean } = {}) {
    const now = options.now ?? DateTime.now()
    const set = !this.expiresAt || this.expiresAt > now ? { expiresAt: now } : {}
    return transition(this, galleryStates, 'expired', {
      ...options,
      now,
      set: options.dueOnly ? {} : set,
      where: options.dueOnly ? (query) => query.where('expires_at', '<=', sqlTime(now)) : undefined,
    })
  }

  archive(options: ChangeOptions = {}) {
    return transition(this, galleryStates, 'archived', options)
  }

  /** A new expiry date; an expired gallery goes live again. */
  extend(until: DateTime, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    if (until <= now) throw new RangeError('A gallery can only be extended to a future date')
    return transition(this, galleryStates, 'published', {
      from: ['published', 'expired'],
      set: { expiresAt: until, ...NOTICES_RESET },
      ...options,
      now,
    })
  }
}

/** A new expiry date earns its own reminders and "expired" notice. */
const NOTICES_RESET = { expiryRemindedAt: null, lastExpiryReminderDays: null, expiredNoticeSentAt: null }
