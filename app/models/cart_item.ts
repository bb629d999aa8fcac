import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Cart from '#models/cart'
import ProductVariant from '#models/product_variant'
import Photo from '#models/photo'
import Artwork from '#models/artwork'
import { jsonColumn } from '#models/concerns/json_column'

export default class CartItem extends AppModel {
  @column()
  declare cartId: string

  @column()
  declare productVariantId: string

  @column()
  declare photoId: string | null

  @column()
  declare artworkId: string | null

  @column()
  declare quantity: number

  @jsonColumn()
  declare customization: Record<string, unknown> | null

  @belongsTo(() => Cart)
  declare cart: BelongsTo<typeof Cart>

  @belongsTo(() => ProductVariant)
  declare productVariant: BelongsTo<typeof ProductVariant>

  @belongsTo(() => Photo)
  declare photo: BelongsTo<typeof Photo>

  @belongsTo(() => Artwork)
  declare artwork: BelongsTo<typeof Artwork>
}
