import { createHash, randomBytes, randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import { affectedRows } from '#support/db/affected_rows'

/** Typed on a tablet: no 0/O or 1/I to misread. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const PAIRING_MINUTES = 15
/** last_seen_at is written at most this often per device, so the board's polls cost no writes. */
const SEEN_EVERY_SECONDS = 60

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
export const normalizePairingCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '')

/** A front-desk tablet paired for family check-in. Its token and pairing code are stored only as hashes. */
export default class KioskDevice extends AppModel {
  @column()
  declare name: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column({ serializeAs: null })
  declare pairingCodeHash: string | null

  @column.dateTime()
  declare pairingExpiresAt: DateTime | null

  @column.dateTime()
  declare pairedAt: DateTime | null

  @column()
  declare pairedBy: string | null

  @column.dateTime()
  declare lastSeenAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'pairedBy' })
  declare pairedByUser: BelongsTo<typeof User>

  @hasMany(() => PhotoSession)
  declare checkIns: HasMany<typeof PhotoSession>

  static active = scope((query) => {
    query.whereNull('revoked_at')
  })

  get isActive() {
    return !this.revokedAt
  }

  get isPaired() {
    return !!this.pairedAt
  }

  /** A new pairing code (8 characters, shown as XXXX-XXXX). */
  static newPairingCode() {
    const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
    return `${chars.slice(0, 4)}-${chars.slice(4)}`
  }

  static newToken() {
    return randomBytes(32).toString('base64url')
  }

  static findByToken(token: string) {
    return this.query().where('token_hash', sha256(token)).whereNull('revoked_at').whereNotNull('paired_at').first()
  }

  /**
   * Claims the device whose pairing code this is, once: one UPDATE that only matches an
   * unexpired, unpaired, unrevoked device, so two tablets typing the same code can't both win.
   */
  static async claimPairing(code: string, token: string, now: DateTime = DateTime.now()) {
    const codeHash = sha256(normalizePairingCode(code))
    const format = this.query().client.dialect.dateTimeFormat
    const changed = affectedRows(
      await this.query()
        .where('pairing_code_hash', codeHash)
        .where('pairing_expires_at', '>', now.toFormat(format))
        .whereNull('paired_at')
        .whereNull('revoked_at')
        .update({
          token_hash: sha256(token),
          pairing_code_hash: null,
          pairing_expires_at: null,
          paired_at: now.toFormat(format),
          last_seen_at: now.toFormat(format),
          updated_at: now.toFormat(format),
        })
    )
    return changed === 1 ? this.findByToken(token) : null
  }

  /** Revokes at once: a compare-and-set, so it answers false when it was already revoked. */
  async revoke(now: DateTime = DateTime.now()) {
    const format = KioskDevice.query().client.dialect.dateTimeFormat
    const changed = affectedRows(
      await KioskDevice.query()
        .where('id', this.id)
        .whereNull('revoked_at')
        .update({ revoked_at: now.toFormat(format), pairing_code_hash: null, updated_at: now.toFormat(format) })
    )
    if (changed === 1) this.revokedAt = now
    return changed === 1
  }

  /** Notes the device was used, at most once a minute. */
  async markSeen(at: DateTime = DateTime.now()) {
    if (this.lastSeenAt && at.diff(this.lastSeenAt, 'seconds').seconds < SEEN_EVERY_SECONDS) return
    const format = KioskDevice.query().client.dialect.dateTimeFormat
    await KioskDevice.query().where('id', this.id).update({ last_seen_at: at.toFormat(format) })
    this.lastSeenAt = at
  }
}
