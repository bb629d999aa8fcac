import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Package from '#models/package'
import Product from '#models/product'
import User from '#models/user'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const REVIEWABLE_TYPES = ['product', 'package', 'photographer'] as const
export type ReviewableType = (typeof REVIEWABLE_TYPES)[number]

export const REVIEW_STATUSES = ['published', 'hidden'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const reviewStates = defineStateMachine<ReviewStatus>('Review', {
  published: ['hidden'],
  hidden: ['published'],
})

/** A function: User imports this model, so User is not initialised yet at module load. */
const subjects = () => ({ product: Product, package: Package, photographer: User })

/** A customer's 1–5 star review of a product, a package or a photographer (one per subject). */
export default class Review extends AppModel {
  @column()
  declare userId: string

  @column()
  declare reviewableType: ReviewableType

  @column()
  declare reviewableId: string

  @column()
  declare rating: number

  @column()
  declare title: string | null

  @column()
  declare body: string | null

  @column()
  declare status: ReviewStatus

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static published = scope((query) => {
    query.where('status', 'published')
  })

  static forSubject = scope((query, type: ReviewableType, id: string) => {
    query.where('reviewable_type', type).where('reviewable_id', id)
  })

  /** The reviewed product, package or photographer (polymorphic, so loaded by hand). */
  subject() {
    return subjects()[this.reviewableType].find(this.reviewableId, { client: this.$trx })
  }

  /** Moderation: out of the public listings, kept for the studio. */
  hide(options: ChangeOptions = {}) {
    return transition(this, reviewStates, 'hidden', options)
  }

  publish(options: ChangeOptions = {}) {
    return transition(this, reviewStates, 'published', options)
  }
}
