import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Artwork from '#models/artwork'
import ProductVariant from '#models/product_variant'
import { booleanColumn } from '#models/concerns/boolean_column'

/** A print size/material offered for one artwork, optionally at its own price. */
export default class ArtworkPrintOption extends AppModel {
  @column()
  declare artworkId: string

  @column()
  declare productVariantId: string

  @column()
  declare priceOverride: number | null

  @booleanColumn()
  declare available: boolean

  @belongsTo(() => Artwork)
  declare artwork: BelongsTo<typeof Artwork>

  @belongsTo(() => ProductVariant)
  declare productVariant: BelongsTo<typeof ProductVariant>

  static available = scope((query) => {
    query.where('available', true)
  })

  /** Needs `productVariant` loaded when there is no override. */
  get price(): number {
    return this.priceOverride ?? this.productVariant.price
  }
}
