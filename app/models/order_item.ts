import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ChainableContract } from '@adonisjs/lucid/types/querybuilder'
import AppModel from '#models/app_model'
import Order from '#models/order'
import ProductVariant from '#models/product_variant'
import Photo from '#models/photo'
import Artwork from '#models/artwork'
import User from '#models/user'
import { jsonColumn } from '#models/concerns/json_column'
import { printSubjectOf } from '#shop/line_titles'

export const FULFILLMENT_PROVIDERS = ['in_house', 'printful', 'gooten'] as const
export type FulfillmentProvider = (typeof FULFILLMENT_PROVIDERS)[number]

export const FULFILLMENT_STATUSES = [
  'pending',
  'submitted',
  'in_production',
  'shipped',
  'delivered',
  'failed',
  'cancelled',
] as const
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

/** An item's statuses while its lab order is being made. */
export const OPEN_AT_LAB = ['submitted', 'in_production'] as const

/** Items whose order at a print lab (not the studio's own queue) is still being made: for a query or a relation's subquery. */
export function openAtLab<Q extends ChainableContract>(query: Q) {
  return query.whereIn('fulfillment_status', [...OPEN_AT_LAB]).whereNot('fulfillment_provider', 'in_house').whereNotNull('provider_order_id')
}

/** One line of an order: a print variant, usually of a gallery photo or an artwork. */
export default class OrderItem extends AppModel {
  @column()
  declare orderId: string

  @column()
  declare productVariantId: string

  @column()
  declare photoId: string | null

  @column()
  declare artworkId: string | null

  /** The seller whose work this is (null = the studio itself). */
  @column()
  declare photographerId: string | null

  @column()
  declare quantity: number

  @column()
  declare unitPrice: number

  @column()
  declare totalPrice: number

  @jsonColumn()
  declare customization: Record<string, unknown> | null

  @column()
  declare fulfillmentProvider: FulfillmentProvider

  @column()
  declare providerOrderId: string | null

  @column()
  declare fulfillmentStatus: FulfillmentStatus

  @column()
  declare trackingNumber: string | null

  /** When fulfillment:sync claimed the item to send it to its lab (see SyncFulfillment). */
  @column.dateTime()
  declare submittedAt: DateTime | null

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => ProductVariant)
  declare productVariant: BelongsTo<typeof ProductVariant>

  @belongsTo(() => Photo)
  declare photo: BelongsTo<typeof Photo>

  @belongsTo(() => Artwork)
  declare artwork: BelongsTo<typeof Artwork>

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  static awaitingFulfillment = scope((query) => {
    query.whereIn('fulfillment_status', ['pending', 'submitted', 'in_production'])
  })

  static fulfilledBy = scope((query, provider: FulfillmentProvider) => {
    query.where('fulfillment_provider', provider)
  })

  /** "Electric Riff, 8x10 lustre" or "Your photo IMG_0042, 16x20 canvas": needs productVariant, artwork and photo.mediaAsset loaded. */
  get label() {
    const subject = printSubjectOf(this)
    return subject ? `${subject}, ${this.productVariant.name}` : this.productVariant.name
  }
}
