import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import WishlistItem from '#models/wishlist_item'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { UserFactory } from '#database/factories/user_factory'
import { WishlistItemFactory } from '#database/factories/wishlist_item_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Wishlist item', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory saves a product or an artwork that reloads with its user', async ({ assert }) => {
    const forProduct = await WishlistItemFactory.create()
    const forArtwork = await WishlistItemFactory.with('user').with('artwork').create()
    const product = await WishlistItem.query().where('id', forProduct.id).preload('user').preload('product').firstOrFail()
    const artwork = await WishlistItem.query().where('id', forArtwork.id).preload('artwork').firstOrFail()
    assert.equal(product.product.id, forProduct.productId)
    assert.equal(product.user.id, forProduct.userId)
    assert.equal(artwork.artwork.id, forArtwork.artworkId)
    assert.isNull(artwork.productId)
  })

  test('deleting the product removes it from wishlists', async ({ assert }) => {
    const item = await WishlistItemFactory.with('user').with('product').create()
    await (await item.related('product').query().firstOrFail()).delete()
    assert.isNull(await WishlistItem.find(item.id))
  })

  test('an item must name a product or an artwork', async () => {
    const user = await UserFactory.create()
    await assertViolates(() => WishlistItem.create({ userId: user.id }), 'check')
  })

  test('an item cannot name both a product and an artwork', async () => {
    await assertViolates(() => WishlistItemFactory.with('user').with('product').with('artwork').create(), 'check')
  })

  test('a product is saved once per customer', async () => {
    const user = await UserFactory.create()
    const product = await ProductFactory.create()
    await WishlistItem.create({ userId: user.id, productId: product.id })
    await assertViolates(() => WishlistItem.create({ userId: user.id, productId: product.id }), 'unique')
  })

  test('an artwork is saved once per customer', async () => {
    const user = await UserFactory.create()
    const artwork = await ArtworkFactory.create()
    await WishlistItem.create({ userId: user.id, artworkId: artwork.id })
    await assertViolates(() => WishlistItem.create({ userId: user.id, artworkId: artwork.id }), 'unique')
  })
})
