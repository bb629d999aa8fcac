import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Artwork from '#models/artwork'
import Product from '#models/product'

export const CATEGORY_KINDS = ['portfolio', 'product'] as const
export type CategoryKind = (typeof CATEGORY_KINDS)[number]

/** Portfolio categories group artworks; product categories group the shop. */
export default class Category extends AppModel {
  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column()
  declare parentId: string | null

  @column()
  declare kind: CategoryKind

  @column()
  declare sortOrder: number

  @belongsTo(() => Category, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Category>

  @hasMany(() => Category, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Category>

  @hasMany(() => Artwork)
  declare artworks: HasMany<typeof Artwork>

  @hasMany(() => Product)
  declare products: HasMany<typeof Product>

  static portfolio = scope((query) => {
    query.where('kind', 'portfolio').orderBy('sort_order')
  })

  static product = scope((query) => {
    query.where('kind', 'product').orderBy('sort_order')
  })

  static roots = scope((query) => {
    query.whereNull('parent_id')
  })
}
