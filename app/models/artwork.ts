import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import ArtworkPrintOption from '#models/artwork_print_option'
import Category from '#models/category'
import MediaAsset from '#models/media_asset'
import User from '#models/user'
import { booleanColumn } from '#models/concerns/boolean_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const ARTWORK_STATUSES = ['draft', 'published', 'archived'] as const
export type ArtworkStatus = (typeof ARTWORK_STATUSES)[number]

export const artworkStates = defineStateMachine<ArtworkStatus>('Artwork', {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  // Restoring brings an archived artwork back as a draft: publishing it again is a choice.
  archived: ['draft'],
})

/** A portfolio piece, sold as prints through its print options. */
export default class Artwork extends AppModel {
  @column()
  declare title: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column()
  declare categoryId: string | null

  @column()
  declare photographerId: string | null

  @column()
  declare mediaAssetId: string | null

  @column()
  declare camera: string | null

  @column()
  declare filmStock: string | null

  @column()
  declare location: string | null

  @column.date()
  declare capturedOn: DateTime | null

  @booleanColumn()
  declare featured: boolean

  @column()
  declare status: ArtworkStatus

  @column()
  declare sortOrder: number

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  @belongsTo(() => MediaAsset)
  declare mediaAsset: BelongsTo<typeof MediaAsset>

  @hasMany(() => ArtworkPrintOption)
  declare printOptions: HasMany<typeof ArtworkPrintOption>

  static published = scope((query) => {
    query.where('status', 'published').orderBy('sort_order').orderBy('title')
  })

  static featured = scope((query) => {
    query.where('status', 'published').where('featured', true)
  })

  publish(options: ChangeOptions = {}) {
    return transition(this, artworkStates, 'published', options)
  }

  unpublish(options: ChangeOptions = {}) {
    return transition(this, artworkStates, 'draft', { ...options, from: ['published'] })
  }

  /** Off the portfolio, sitemap and home for good, kept for the orders that name it. */
  archive(options: ChangeOptions = {}) {
    return transition(this, artworkStates, 'archived', options)
  }

  restore(options: ChangeOptions = {}) {
    return transition(this, artworkStates, 'draft', { ...options, from: ['archived'] })
  }

  get isArchived() {
    return this.status === 'archived'
  }
}
