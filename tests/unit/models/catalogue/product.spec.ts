import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import ProductImage from '#models/product_image'
import ProductVariant from '#models/product_variant'
import { ProductFactory } from '#database/factories/product_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Product', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a product that reloads with variants, images, category and seller', async ({ assert }) => {
    const product = await ProductFactory.with('variants', 3)
      .with('images', 2, (image) => image.with('mediaAsset'))
      .with('shopCategory', 1, (category) => category.apply('product'))
      .with('photographer', 1, (user) => user.apply('photographer'))
      .create()
    const reloaded = await Product.query()
      .where('id', product.id)
      .preload('variants')
      .preload('images', (q) => q.preload('mediaAsset'))
      .preload('shopCategory')
      .preload('photographer')
      .firstOrFail()
    assert.lengthOf(reloaded.variants, 3)
    assert.lengthOf(reloaded.images, 2)
    assert.equal(reloaded.images[0].mediaAsset.status, 'ready')
    assert.equal(reloaded.shopCategory.kind, 'product')
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.deepEqual(reloaded.sizeOptions, ['8x10', '11x14'])
  })

  test('the active scope hides inactive products', async ({ assert }) => {
    const active = await ProductFactory.create()
    await ProductFactory.apply('inactive').create()
    const ids = (await Product.query().withScopes((s) => s.active())).map((p) => p.id)
    assert.deepEqual(ids, [active.id])
  })

  test('the featured scope lists active featured products', async ({ assert }) => {
    const featured = await ProductFactory.apply('featured').create()
    await ProductFactory.create()
    await ProductFactory.apply('featured', 'inactive').create()
    const ids = (await Product.query().withScopes((s) => s.featured())).map((p) => p.id)
    assert.deepEqual(ids, [featured.id])
  })

  test('deleting a product deletes its variants and images', async ({ assert }) => {
    const product = await ProductFactory.with('variants', 2).with('images', 1, (i) => i.with('mediaAsset')).create()
    await product.delete()
    assert.lengthOf(await ProductVariant.query().where('product_id', product.id), 0)
    assert.lengthOf(await ProductImage.query().where('product_id', product.id), 0)
  })

  test('deleting the seller keeps the product as a studio product', async ({ assert }) => {
    const product = await ProductFactory.with('photographer').create()
    const seller = await product.related('photographer').query().firstOrFail()
    await seller.delete()
    await product.refresh()
    assert.isNull(product.photographerId)
  })

  test('two products cannot share a slug', async () => {
    const product = await ProductFactory.create()
    await assertViolates(() => ProductFactory.merge({ slug: product.slug }).create(), 'unique')
  })

  test('the category must be a known kind of goods', async () => {
    await assertViolates(() => ProductFactory.merge({ category: 'furniture' as any }).create(), 'check')
  })

  test('an image cannot be attached twice to the same product', async () => {
    const product = await ProductFactory.with('images', 1, (i) => i.with('mediaAsset')).create()
    const image = await ProductImage.findByOrFail('product_id', product.id)
    await assertViolates(() => ProductImage.create({ productId: product.id, mediaAssetId: image.mediaAssetId, position: 1 }), 'unique')
  })
})
