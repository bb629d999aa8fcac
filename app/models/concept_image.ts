import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import CustomOrder from '#models/custom_order'
import MediaAsset from '#models/media_asset'
import { booleanColumn } from '#models/concerns/boolean_column'

/** An AI-generated picture of what a customer has in mind; saved ones can start a custom order. */
export default class ConceptImage extends AppModel {
  @column()
  declare userId: string

  @column()
  declare customOrderId: string | null

  @column()
  declare prompt: string

  @column()
  declare mediaAssetId: string | null

  @booleanColumn()
  declare saved: boolean

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => CustomOrder)
  declare customOrder: BelongsTo<typeof CustomOrder>

  @belongsTo(() => MediaAsset)
  declare mediaAsset: BelongsTo<typeof MediaAsset>

  static onlySaved = scope((query) => {
    query.where('saved', true)
  })
}
