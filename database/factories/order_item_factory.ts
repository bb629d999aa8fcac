import { randomUUID } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import OrderItem from '#models/order_item'
import { OrderFactory } from '#database/factories/order_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { UserFactory } from '#database/factories/user_factory'

/** Needs its variant: `.with('productVariant', 1, (v) => v.with('product'))` or the id. */
export const OrderItemFactory = factory
  .define(OrderItem, ({ faker }) => {
    const quantity = faker.number.int({ min: 1, max: 3 })
    const unitPrice = faker.number.int({ min: 15, max: 150 }) * 100
    return {
      quantity,
      unitPrice,
      totalPrice: unitPrice * quantity,
      customization: null,
      fulfillmentProvider: 'in_house' as const,
      providerOrderId: null,
      fulfillmentStatus: 'pending' as const,
      trackingNumber: null,
    }
  })
  .state('printful', (item) => {
    item.fulfillmentProvider = 'printful'
    item.fulfillmentStatus = 'submitted'
    item.providerOrderId = `pf_${randomUUID().slice(0, 8)}`
  })
  .state('gooten', (item) => {
    item.fulfillmentProvider = 'gooten'
    item.fulfillmentStatus = 'submitted'
    item.providerOrderId = `gt_${randomUUID().slice(0, 8)}`
  })
  .state('shipped', (item) => {
    item.fulfillmentStatus = 'shipped'
    item.trackingNumber = '1Z999AA10123456784'
  })
  .relation('order', () => OrderFactory)
  .relation('productVariant', () => ProductVariantFactory)
  .relation('photo', () => PhotoFactory)
  .relation('artwork', () => ArtworkFactory)
  .relation('photographer', () => UserFactory)
  .build()
