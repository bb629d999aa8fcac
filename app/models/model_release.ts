import { createHash } from 'node:crypto'
import type { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Child from '#models/child'
import PhotoSession from '#models/photo_session'
import User from '#models/user'

/**
 * A model release a parent signed on the tablet for one child on one session: the text
 * as signed (frozen, with its SHA-256), who signed, when, on which tablet, which staff
 * member was at the desk, and the drawn signature (a private PNG on the Drive disk).
 * Written once, never changed.
 */
export default class ModelRelease extends AppModel {
  @column()
  declare photoSessionId: string

  @column()
  declare childId: string

  @column()
  declare userId: string

  @column()
  declare templateId: string | null

  @column()
  declare title: string

  @column()
  declare body: string

  @column({ columnName: 'body_sha256' })
  declare bodySha256: string

  @column()
  declare signerName: string

  @column({ serializeAs: null })
  declare signatureKey: string

  @column.dateTime()
  declare signedAt: DateTime

  @column()
  declare kioskDeviceId: string | null

  @column()
  declare staffUserId: string | null

  @column({ serializeAs: null })
  declare idempotencyKey: string

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Child)
  declare child: BelongsTo<typeof Child>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static digest(body: string) {
    return createHash('sha256').update(body, 'utf8').digest('hex')
  }

  /** The text still matches the hash taken when it was signed. */
  get isIntact() {
    return ModelRelease.digest(this.body) === this.bodySha256
  }
}
