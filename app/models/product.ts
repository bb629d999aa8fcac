import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Category from '#models/category'
import ProductImage from '#models/product_image'
import ProductVariant from '#models/product_variant'
import User from '#models/user'
import { booleanColumn } from '#models/concerns/boolean_column'
import { jsonColumn } from '#models/concerns/json_column'

export const PRODUCT_CATEGORIES = ['prints', 'canvas', 'metal', 'apparel', 'accessories'] as const
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number]

/** Something the shop sells, in variants; sold by the studio or by a photographer. */
export default class Product extends AppModel {
  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column()
  declare shortDescription: string | null

  /** The kind of goods (drives fulfilment); `categoryId` is the shop's browsing tree. */
  @column()
  declare category: ProductCategory

  @column()
  declare categoryId: string | null

  /** Seller; null means the studio itself. */
  @column()
  declare photographerId: string | null

  @column()
  declare basePrice: number

  @column()
  declare printfulProductId: string | null

  @column()
  declare gootenProductId: string | null

  @jsonColumn()
  declare sizeOptions: string[] | null

  @jsonColumn()
  declare materialOptions: string[] | null

  @jsonColumn()
  declare colorOptions: string[] | null

  @jsonColumn()
  declare customizationOptions: Record<string, unknown> | null

  @booleanColumn()
  declare active: boolean

  @booleanColumn()
  declare featured: boolean

  @column()
  declare sortOrder: number

  @jsonColumn()
  declare metadata: Record<string, unknown> | null

  @belongsTo(() => Category, { foreignKey: 'categoryId' })
  declare shopCategory: BelongsTo<typeof Category>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  @hasMany(() => ProductVariant)
  declare variants: HasMany<typeof ProductVariant>

  @hasMany(() => ProductImage)
  declare images: HasMany<typeof ProductImage>

  static active = scope((query) => {
    query.where('active', true).orderBy('sort_order').orderBy('name')
  })

  static featured = scope((query) => {
    query.where('active', true).where('featured', true)
  })

  static inCategory = scope((query, category: ProductCategory) => {
    query.where('category', category)
  })
}
