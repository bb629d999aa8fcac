import { DateTime } from 'luxon'
import { beforeCreate, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import TransformationType from '#models/transformation_type'
import MediaAsset from '#models/media_asset'
import Payment from '#models/payment'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const TRANSFORMATION_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const
export type TransformationStatus = (typeof TRANSFORMATION_STATUSES)[number]

export const TRANSFORMATION_CHARGES = ['free', 'paid', 'subscription'] as const
export type TransformationCharge = (typeof TRANSFORMATION_CHARGES)[number]

export const transformationStates = defineStateMachine<TransformationStatus>('Transformation', {
  pending: ['processing', 'failed'],
  processing: ['completed', 'failed'],
  completed: [],
  failed: [],
})

/** Results are kept only briefly after they are downloaded. */
export const PURGE_AFTER_DOWNLOAD_MINUTES = 5

/** One AI transformation of a customer's photo, and how it was paid for. */
export default class Transformation extends AppModel {
  @column()
  declare userId: string

  @column()
  declare transformationTypeId: string

  @column()
  declare sourceMediaId: string | null

  @column()
  declare resultMediaId: string | null

  @column()
  declare status: TransformationStatus

  @column()
  declare errorMessage: string | null

  @column()
  declare provider: string | null

  /** Key of the pricing tier in force when it was requested. */
  @column()
  declare pricingTierLocked: string | null

  @column()
  declare charged: TransformationCharge

  @column()
  declare paymentId: string | null

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare completedAt: DateTime | null

  @column.dateTime()
  declare downloadedAt: DateTime | null

  @column.dateTime()
  declare purgeAfter: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => TransformationType)
  declare transformationType: BelongsTo<typeof TransformationType>

  @belongsTo(() => MediaAsset, { foreignKey: 'sourceMediaId' })
  declare sourceMedia: BelongsTo<typeof MediaAsset>

  @belongsTo(() => MediaAsset, { foreignKey: 'resultMediaId' })
  declare resultMedia: BelongsTo<typeof MediaAsset>

  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  @beforeCreate()
  static defaultStatus(transformation: Transformation) {
    transformation.status ??= 'pending'
  }

  static withStatus = scope((query, status: TransformationStatus) => {
    query.where('status', status)
  })

  /** Results whose files are due to be deleted. */
  static duePurge = scope((query, now: DateTime = DateTime.now()) => {
    query
      .where('purge_after', '<=', now.toFormat(query.client.dialect.dateTimeFormat))
      .whereNotNull('result_media_id')
  })

  /** Handed to an AI provider. */
  start(provider: string, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, transformationStates, 'processing', { ...options, now, set: { provider, startedAt: now } })
  }

  complete(result: MediaAsset, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, transformationStates, 'completed', {
      ...options,
      now,
      set: { resultMediaId: result.id, completedAt: now },
    })
  }

  fail(message: string, options: ChangeOptions = {}) {
    return transition(this, transformationStates, 'failed', { ...options, set: { errorMessage: message } })
  }

  async markDownloaded() {
    this.downloadedAt ??= DateTime.now()
    this.purgeAfter ??= this.downloadedAt.plus({ minutes: PURGE_AFTER_DOWNLOAD_MINUTES })
    await this.save()
  }
}
