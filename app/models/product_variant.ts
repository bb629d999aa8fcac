import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import ArtworkPrintOption from '#models/artwork_print_option'
import Product from '#models/product'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { booleanColumn } from '#models/concerns/boolean_column'
import { affectedRows } from '#support/db/affected_rows'

/** One buyable size/material/colour of a product; `stock` null means printed on demand. */
export default class ProductVariant extends AppModel {
  @column()
  declare productId: string

  @column()
  declare sku: string

  @column()
  declare name: string

  @column()
  declare size: string | null

  @column()
  declare material: string | null

  @column()
  declare color: string | null

  @column()
  declare price: number

  @column()
  declare stock: number | null

  @column()
  declare printfulVariantId: string | null

  @column()
  declare gootenVariantId: string | null

  @booleanColumn()
  declare active: boolean

  @column()
  declare sortOrder: number

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @hasMany(() => ArtworkPrintOption)
  declare printOptions: HasMany<typeof ArtworkPrintOption>

  static active = scope((query) => {
    query.where('active', true).orderBy('sort_order')
  })

  get isPrintOnDemand() {
    return this.stock === null
  }

  inStock(quantity = 1) {
    return this.active && (this.stock === null || this.stock >= quantity)
  }

  /**
   * Takes `units` out of a stocked variant's stock in one conditional update: false when
   * fewer are left (or it is printed on demand), so two buyers can't both take the last.
   */
  static async takeStock(id: string, units: number, trx: TransactionClientContract) {
    return affectedRows(await trx.from('product_variants').where('id', id).whereNotNull('stock').where('stock', '>=', units).decrement('stock', units)) === 1
  }

  /** Puts `units` back into a stocked variant; false for a print-on-demand one (left alone). */
  static async returnStock(id: string, units: number, trx: TransactionClientContract) {
    return affectedRows(await trx.from('product_variants').where('id', id).whereNotNull('stock').increment('stock', units)) === 1
  }
}
