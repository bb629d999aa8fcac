import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import { sqlTime } from '#support/db/sql_time'
import { affectedRows } from '#support/db/affected_rows'

export type GalleryProofPurpose = 'entry' | 'selection'

/** Wrong codes a proof survives before it is dead. */
export const PROOF_MAX_ATTEMPTS = 5

/**
 * A secret emailed to an address the gallery knows, proving the reader holds that inbox:
 * a 6-digit entry code while the gallery is under attack, or the one-time link that
 * submits the family's selection. Only its keyed hash is kept; it works once, briefly.
 */
export default class GalleryEmailProof extends AppModel {
  static table = 'gallery_email_proofs'

  @column()
  declare galleryId: string

  @column()
  declare galleryVisitorId: string | null

  @column()
  declare email: string

  @column()
  declare purpose: GalleryProofPurpose

  @column({ serializeAs: null })
  declare secretHash: string

  @column()
  declare attempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare consumedAt: DateTime | null

  @belongsTo(() => Gallery)
  declare gallery: BelongsTo<typeof Gallery>

  @belongsTo(() => GalleryVisitor)
  declare visitor: BelongsTo<typeof GalleryVisitor>

  /** Unused, unexpired, with attempts left. */
  static usable = scope((query, now: DateTime = DateTime.now()) => {
    query.whereNull('consumed_at').where('expires_at', '>', sqlTime(now)).where('attempts', '<', PROOF_MAX_ATTEMPTS)
  })

  /** Spends the proof; of two requests racing with it, exactly one gets true. */
  async consume(now: DateTime = DateTime.now()) {
    const changed = await db
      .from(GalleryEmailProof.table)
      .where('id', this.id)
      .whereNull('consumed_at')
      .where('expires_at', '>', sqlTime(now))
      .update({ consumed_at: sqlTime(now), updated_at: sqlTime(now) })
    if (affectedRows(changed) !== 1) return false
    this.consumedAt = now
    return true
  }

  /** A wrong code against this proof; it dies after PROOF_MAX_ATTEMPTS. */
  recordFailedAttempt() {
    return db.from(GalleryEmailProof.table).where('id', this.id).increment('attempts', 1)
  }
}
