import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import AppModel from '#models/app_model'
import Gallery from '#models/gallery'
import GalleryVisitorPass from '#models/gallery_visitor_pass'
import PhotoFavorite from '#models/photo_favorite'
import User from '#models/user'
import { sqlTime } from '#support/db/sql_time'

/** The prefix of a visitor's columns read with its gallery (see joinByPass). */
const JOINED = 'pv_'

/**
 * Someone who opened a gallery and left an email (one row per gallery and email, so
 * favourites follow the email from browser to browser). Each browser they entered from
 * holds its own pass (see GalleryVisitorPass).
 */
export default class GalleryVisitor extends AppModel {
  @column()
  declare galleryId: string

  /** Null for someone let in by a public share link who has not favourited yet. */
  @column({ prepare: (value: string | null) => value?.trim().toLowerCase() ?? null })
  declare email: string | null

  @column()
  declare userId: string | null

  @column.dateTime()
  declare lastSeenAt: DateTime | null

  @column()
  declare viewCount: number

  /** Bumped with each heart added or taken off (favoritesChanged): the key of every process's cached favourites. */
  @column()
  declare favoritesVersion: number

  /** This visitor's hearts changed: every process's cached copy of them is stale. */
  static async favoritesChanged(visitorId: string) {
    await db.from('gallery_visitors').where('id', visitorId).increment('favorites_version', 1)
  }

  @belongsTo(() => Gallery)
  declare gallery: BelongsTo<typeof Gallery>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @hasMany(() => PhotoFavorite)
  declare favorites: HasMany<typeof PhotoFavorite>

  @hasMany(() => GalleryVisitorPass)
  declare passes: HasMany<typeof GalleryVisitorPass>

  static hashToken(token: string) {
    return createHash('sha256').update(token).digest('hex')
  }

  /** The visitor whose browser holds this pass token, with the pass's access version. */
  static findByPass(gallery: Gallery, token: string) {
    return this.query()
      .join('gallery_visitor_passes', 'gallery_visitor_passes.gallery_visitor_id', 'gallery_visitors.id')
      .where('gallery_visitors.gallery_id', gallery.id)
      .where('gallery_visitor_passes.token_hash', this.hashToken(token))
      .select('gallery_visitors.*', 'gallery_visitor_passes.access_version as pass_access_version')
      .first()
  }

  /**
   * Joins to a galleries query the visitor holding one of these passes to each gallery, as
   * `pv_`-prefixed extras (left join: a gallery comes back whether or not one matches).
   */
  static joinByPass(query: ModelQueryBuilderContract<any>, passHashes: string[]) {
    const columns = [...this.$columnsDefinitions.values()].map((column) => column.columnName)
    query
      .joinRaw(
        `left join (select gallery_visitors.*, gallery_visitor_passes.access_version as pass_access_version, gallery_visitor_passes.token_hash as pass_token_hash
          from gallery_visitors join gallery_visitor_passes on gallery_visitor_passes.gallery_visitor_id = gallery_visitors.id
          where gallery_visitor_passes.token_hash in (${passHashes.map(() => '?').join(', ')})) pass_visitors on pass_visitors.gallery_id = galleries.id`,
        passHashes
      )
      .select([...columns, 'pass_access_version', 'pass_token_hash'].map((name) => `pass_visitors.${name} as ${JOINED}${name}`))
  }

  /**
   * The visitor whose browser holds this pass token, when the gallery was read with it
   * (Gallery.findBySlug with its hash): the visitor, or null when no visitor of the gallery
   * holds it. Undefined when the gallery was read without it (ask findByPass).
   */
  static joinedByPass(gallery: Gallery, token: string): GalleryVisitor | null | undefined {
    const extras = gallery.$extras
    if (!(`${JOINED}pass_token_hash` in extras)) return undefined
    if (extras[`${JOINED}pass_token_hash`] !== this.hashToken(token)) {
      // Another of the browser's passes matched (it can't, short of a forged cookie): ask.
      return extras[`${JOINED}id`] ? undefined : null
    }
    const row: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(extras)) {
      if (key.startsWith(JOINED) && key !== `${JOINED}pass_token_hash`) row[key.slice(JOINED.length)] = value
    }
    return this.$createFromAdapterResult(row)
  }

  /**
   * The visitor of this email in this gallery, made on first entry; `userId` links the
   * family's account to its row. Race-free: two first entries at once make one row.
   */
  static async forEmail(gallery: Gallery, email: string, userId: string | null = null) {
    const normalized = email.trim().toLowerCase()
    const find = () => this.query().where('galleryId', gallery.id).where('email', normalized).first()
    let visitor = await find()
    if (!visitor) {
      const now = sqlTime(DateTime.now())
      await db
        .connection()
        .knexQuery()
        .table('gallery_visitors')
        .insert({ id: randomUUID(), gallery_id: gallery.id, email: normalized, user_id: userId, view_count: 0, created_at: now, updated_at: now })
        .onConflict(['gallery_id', 'email'])
        .ignore()
      visitor = (await find())!
    }
    if (userId && !visitor.userId) {
      visitor.userId = userId
      await visitor.save()
    }
    return visitor
  }

  /** Someone a public share link let in, not yet asked for an email (a row per browser). */
  static async anonymous(gallery: Gallery) {
    return this.create({ galleryId: gallery.id, email: null, userId: null, viewCount: 0 })
  }

  /** The access version of the pass this visitor was found by (see findByPass), if any. */
  get passVersion(): number | null {
    const version = this.$extras.pass_access_version
    return version === undefined || version === null ? null : Number(version)
  }

  /** Found by a pass to this gallery that is still good under its current access version. */
  holdsPassTo(gallery: Gallery) {
    return this.galleryId === gallery.id && this.passVersion === gallery.accessVersion
  }

  /** A pass for one more browser: the token is for its cookie, only its hash is kept. */
  async issuePass(gallery: Gallery) {
    const token = randomBytes(24).toString('base64url')
    await GalleryVisitorPass.create({
      galleryVisitorId: this.id,
      tokenHash: GalleryVisitor.hashToken(token),
      accessVersion: gallery.accessVersion,
    })
    this.$extras.pass_access_version = gallery.accessVersion
    return token
  }

  touch(now: DateTime = DateTime.now()) {
    this.lastSeenAt = now
    return this.save()
  }
}
