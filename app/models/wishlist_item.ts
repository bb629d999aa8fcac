import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Artwork from '#models/artwork'
import Product from '#models/product'
import User from '#models/user'

/** A product or an artwork a customer saved for later (exactly one of the two). */
export default class WishlistItem extends AppModel {
  @column()
  declare userId: string

  @column()
  declare productId: string | null

  @column()
  declare artworkId: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @belongsTo(() => Artwork)
  declare artwork: BelongsTo<typeof Artwork>
}
