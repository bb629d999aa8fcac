import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { beforeSave, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import ContractTemplate from '#models/contract_template'
import { assertTransition, InvalidTransitionException } from '#models/concerns/state_machine'

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed', 'void'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export const SIGNATURE_KINDS = ['typed', 'drawn'] as const
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

const TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ['sent', 'void'],
  sent: ['signed', 'void'],
  signed: ['void'],
  void: [],
}

export type Signature = { name: string; ip: string | null; kind: SignatureKind; value: string }

/**
 * A contract rendered for one client (and usually one session). Its body is frozen when
 * sent: the SHA-256 taken then proves the signed text is the text that was sent.
 */
export default class Contract extends AppModel {
  @column()
  declare templateId: string | null

  @column()
  declare userId: string

  @column()
  declare photoSessionId: string | null

  @column()
  declare title: string

  @column()
  declare body: string

  @column({ columnName: 'body_sha256' })
  declare bodySha256: string | null

  @column()
  declare status: ContractStatus

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime()
  declare signedAt: DateTime | null

  @column()
  declare signerName: string | null

  @column({ serializeAs: null })
  declare signerIp: string | null

  @column()
  declare signatureKind: SignatureKind | null

  /** The typed name, or the drawn signature as an image data URL. */
  @column()
  declare signature: string | null

  @column.dateTime()
  declare voidedAt: DateTime | null

  @column()
  declare voidReason: string | null

  @belongsTo(() => ContractTemplate, { foreignKey: 'templateId' })
  declare template: BelongsTo<typeof ContractTemplate>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  /** Sent and waiting for the client's signature. */
  static awaitingSignature = scope((query) => {
    query.where('status', 'sent')
  })

  static digest(body: string) {
    return createHash('sha256').update(body, 'utf8').digest('hex')
  }

  @beforeSave()
  static keepBodyFrozen(contract: Contract) {
    const wasDraft = !contract.$isPersisted || contract.$original.status === 'draft'
    if (!wasDraft && contract.$dirty.body !== undefined) {
      throw new InvalidTransitionException('A contract body cannot change once it has been sent')
    }
  }

  /** The body still matches the hash taken when it was sent. */
  get isIntact() {
    return this.bodySha256 !== null && Contract.digest(this.body) === this.bodySha256
  }

  async send() {
    this.moveTo('sent')
    this.bodySha256 = Contract.digest(this.body)
    this.sentAt = DateTime.now()
    await this.save()
  }

  async sign(signature: Signature) {
    assertTransition('Contract', this.status, 'signed', TRANSITIONS)
    if (!this.isIntact) throw new InvalidTransitionException('The contract body changed after it was sent')
    this.status = 'signed'
    this.signerName = signature.name
    this.signerIp = signature.ip
    this.signatureKind = signature.kind
    this.signature = signature.value
    this.signedAt = DateTime.now()
    await this.save()
  }

  async void(reason: string) {
    this.moveTo('void')
    this.voidReason = reason
    this.voidedAt = DateTime.now()
    await this.save()
  }

  private moveTo(to: ContractStatus) {
    assertTransition('Contract', this.status, to, TRANSITIONS)
    this.status = to
  }
}
