import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import ProductVariant from '#models/product_variant'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Product variant', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a variant that reloads with its product', async ({ assert }) => {
    const variant = await ProductVariantFactory.with('product').create()
    const reloaded = await ProductVariant.query().where('id', variant.id).preload('product').preload('printOptions').firstOrFail()
    assert.equal(reloaded.product.id, variant.productId)
    assert.isTrue(reloaded.isPrintOnDemand)
  })

  test('print-on-demand variants are always in stock; stocked ones only up to their count', async ({ assert }) => {
    const onDemand = await ProductVariantFactory.with('product').create()
    const stocked = await ProductVariantFactory.with('product').apply('stocked').create()
    const soldOut = await ProductVariantFactory.with('product').apply('soldOut').create()
    const inactive = await ProductVariantFactory.with('product').apply('inactive').create()
    assert.isTrue(onDemand.inStock(500))
    assert.isTrue(stocked.inStock(25))
    assert.isFalse(stocked.inStock(26))
    assert.isFalse(soldOut.inStock())
    assert.isFalse(inactive.inStock())
  })

  test('two variants cannot share a SKU', async () => {
    const variant = await ProductVariantFactory.with('product').create()
    await assertViolates(() => ProductVariantFactory.with('product').merge({ sku: variant.sku }).create(), 'unique')
  })

  test('a variant needs an existing product', async () => {
    await assertViolates(() => ProductVariantFactory.merge({ productId: randomUUID() }).create(), 'foreign_key')
  })

  test('the price cannot be negative', async () => {
    await assertViolates(() => ProductVariantFactory.with('product').merge({ price: -1 }).create(), 'check')
  })

  test('the stock cannot be negative', async () => {
    await assertViolates(() => ProductVariantFactory.with('product').merge({ stock: -1 }).create(), 'check')
  })
})
