import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import OrderItem from '#models/order_item'
import { OrderFactory } from '#database/factories/order_factory'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

async function lineParts() {
  const order = await OrderFactory.create()
  const variant = await ProductVariantFactory.with('product').create()
  return { orderId: order.id, productVariantId: variant.id }
}

test.group('Order item', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a photo print line that reloads with order, variant, photo and seller', async ({ assert }) => {
    const photo = await PhotoFactory.with('gallery').with('mediaAsset').create()
    const item = await OrderItemFactory.with('order')
      .with('productVariant', 1, (v) => v.with('product'))
      .with('photographer', 1, (u) => u.apply('photographer'))
      .merge({ photoId: photo.id })
      .apply('printful')
      .create()
    const reloaded = await OrderItem.query()
      .where('id', item.id)
      .preload('order')
      .preload('productVariant')
      .preload('photo')
      .preload('photographer')
      .firstOrFail()
    assert.equal(reloaded.order.id, item.orderId)
    assert.equal(reloaded.productVariant.id, item.productVariantId)
    assert.equal(reloaded.photo.id, photo.id)
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.equal(reloaded.fulfillmentProvider, 'printful')
    assert.equal(reloaded.totalPrice, reloaded.unitPrice * reloaded.quantity)
  })

  test('an artwork print line reloads with its artwork', async ({ assert }) => {
    const artwork = await ArtworkFactory.create()
    const item = await OrderItemFactory.merge({ ...(await lineParts()), artworkId: artwork.id }).create()
    const reloaded = await OrderItem.query().where('id', item.id).preload('artwork').firstOrFail()
    assert.equal(reloaded.artwork.id, artwork.id)
    assert.equal(reloaded.fulfillmentProvider, 'in_house')
    assert.equal(reloaded.fulfillmentStatus, 'pending')
  })

  test('the awaitingFulfillment and fulfilledBy scopes find lines still to ship', async ({ assert }) => {
    const parts = await lineParts()
    const waiting = await OrderItemFactory.merge(parts).apply('gooten').create()
    await OrderItemFactory.merge(parts).apply('shipped').create()
    const awaiting = await OrderItem.query().withScopes((s) => s.awaitingFulfillment())
    const gooten = await OrderItem.query().withScopes((s) => s.fulfilledBy('gooten'))
    assert.deepEqual(awaiting.map((i) => i.id), [waiting.id])
    assert.deepEqual(gooten.map((i) => i.id), [waiting.id])
  })

  test('deleting an order deletes its lines', async ({ assert }) => {
    const parts = await lineParts()
    const item = await OrderItemFactory.merge(parts).create()
    await db.from('orders').where('id', parts.orderId).delete()
    assert.isNull(await OrderItem.find(item.id))
  })

  test('deleting the photo or seller keeps the line', async ({ assert }) => {
    const photo = await PhotoFactory.with('gallery').with('mediaAsset').create()
    const seller = await UserFactory.apply('photographer').create()
    const item = await OrderItemFactory.merge({ ...(await lineParts()), photoId: photo.id, photographerId: seller.id }).create()
    await db.from('photos').where('id', photo.id).delete()
    await db.from('users').where('id', seller.id).delete()
    const reloaded = await OrderItem.findOrFail(item.id)
    assert.isNull(reloaded.photoId)
    assert.isNull(reloaded.photographerId)
  })

  test('a sold variant cannot be deleted', async () => {
    const parts = await lineParts()
    await OrderItemFactory.merge(parts).create()
    await assertViolates(() => db.from('product_variants').where('id', parts.productVariantId).delete(), 'foreign_key')
  })

  test('the quantity must be positive', async () => {
    await assertViolates(
      async () => OrderItemFactory.merge({ ...(await lineParts()), quantity: 0, unitPrice: 100, totalPrice: 0 }).create(),
      'check'
    )
  })

  test('the line total must be unit price times quantity', async () => {
    await assertViolates(
      async () => OrderItemFactory.merge({ ...(await lineParts()), quantity: 2, unitPrice: 1000, totalPrice: 1500 }).create(),
      'check'
    )
  })

  test('a line prints either a photo or an artwork, not both', async () => {
    const photo = await PhotoFactory.with('gallery').with('mediaAsset').create()
    const artwork = await ArtworkFactory.create()
    const parts = await lineParts()
    await assertViolates(() => OrderItemFactory.merge({ ...parts, photoId: photo.id, artworkId: artwork.id }).create(), 'check')
  })

  test('the fulfillment provider must be a known one', async () => {
    const parts = await lineParts()
    await assertViolates(() => OrderItemFactory.merge({ ...parts, fulfillmentProvider: 'etsy' as any }).create(), 'check')
  })

  test('a line needs an existing variant', async () => {
    const { orderId } = await lineParts()
    await assertViolates(
      () => OrderItemFactory.merge({ orderId, productVariantId: '00000000-0000-4000-8000-000000000000' }).create(),
      'foreign_key'
    )
  })
})
