import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import MediaAsset from '#models/media_asset'
import Product from '#models/product'
import { booleanColumn } from '#models/concerns/boolean_column'

export default class ProductImage extends AppModel {
  @column()
  declare productId: string

  @column()
  declare mediaAssetId: string

  @column()
  declare position: number

  @booleanColumn()
  declare isPrimary: boolean

  /** What the picture shows, for screen readers; the product's name stands in when empty. */
  @column()
  declare altText: string | null

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @belongsTo(() => MediaAsset)
  declare mediaAsset: BelongsTo<typeof MediaAsset>
}
