import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { beforeSave, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import ContractTemplate from '#models/contract_template'
import {
  defineStateMachine,
  InvalidTransitionException,
  transition,
  type ChangeOptions,
} from '#models/concerns/state_machine'

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed', 'void'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export const SIGNATURE_KINDS = ['typed', 'drawn'] as const
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

export const contractStates = defineStateMachine<ContractStatus>('Contract', {
  draft: ['sent', 'void'],
  sent: ['signed', 'void'],
  signed: ['void'],
  void: [],
})

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

  /** Freezes the body as read here: if it was edited meanwhile, nothing is sent. */
  send(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const body = this.body
    return transition(this, contractStates, 'sent', {
      ...options,
      now,
      set: { bodySha256: Contract.digest(body), sentAt: now },
      where: (query) => query.where('body', body),
    })
  }

  /**
   * Signs the text read here, and only if the row still holds that text under the hash
   * taken when it was sent. A body that no longer matches its hash is tampering, not a
   * refusal: it throws.
   */
  async sign(signature: Signature, options: ChangeOptions = {}) {
    if (this.status === 'sent' && !this.isIntact) {
      throw new InvalidTransitionException('The contract body changed after it was sent')
    }
    const now = options.now ?? DateTime.now()
    const { body, bodySha256: hash } = this
    return transition(this, contractStates, 'signed', {
      ...options,
      now,
      set: {
        signerName: signature.name,
        signerIp: signature.ip,
        signatureKind: signature.kind,
        signature: signature.value,
        signedAt: now,
      },
      where: (query) => query.where('body', body).where('body_sha256', hash ?? ''),
    })
  }

  void(reason: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, contractStates, 'void', {
      ...options,
      now,
      note: options.note ?? reason,
      set: { voidReason: reason, voidedAt: now },
    })
  }
}
