import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import { CartFactory } from '#database/factories/cart_factory'
import { CartItemFactory } from '#database/factories/cart_item_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Cart', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a customer cart that reloads with its user and items', async ({ assert }) => {
    const photo = await PhotoFactory.with('gallery').with('mediaAsset').create()
    const cart = await CartFactory.apply('signedIn')
      .with('user')
      .with('items', 2, (item) => item.with('productVariant', 1, (v) => v.with('product')).merge({ photoId: photo.id }))
      .create()
    const reloaded = await Cart.query()
      .where('id', cart.id)
      .preload('user')
      .preload('items', (q) => q.preload('productVariant').preload('photo'))
      .firstOrFail()
    assert.equal(reloaded.user.id, cart.userId)
    assert.isFalse(reloaded.isGuest)
    assert.lengthOf(reloaded.items, 2)
    assert.equal(reloaded.items[0].photo.id, photo.id)
  })

  test('a cart item reloads with its cart and artwork', async ({ assert }) => {
    const artwork = await ArtworkFactory.create()
    const item = await CartItemFactory.with('cart')
      .with('productVariant', 1, (v) => v.with('product'))
      .merge({ artworkId: artwork.id, customization: { border: 'white' } })
      .create()
    const reloaded = await CartItem.query().where('id', item.id).preload('cart').preload('artwork').firstOrFail()
    assert.isTrue(reloaded.cart.isGuest)
    assert.equal(reloaded.artwork.id, artwork.id)
    assert.deepEqual(reloaded.customization, { border: 'white' })
  })

  test('the forGuest scope finds a guest cart by its token only', async ({ assert }) => {
    const guest = await CartFactory.merge({ guestToken: 'token-abc' }).create()
    const user = await UserFactory.create()
    await CartFactory.merge({ userId: user.id, guestToken: 'token-def' }).create()
    const found = await Cart.query().withScopes((s) => s.forGuest('token-abc')).first()
    const claimed = await Cart.query().withScopes((s) => s.forGuest('token-def')).first()
    const mine = await Cart.query().withScopes((s) => s.forUser(user.id)).firstOrFail()
    assert.equal(found!.id, guest.id)
    assert.isNull(claimed)
    assert.equal(mine.userId, user.id)
  })

  test('deleting a cart deletes its items', async ({ assert }) => {
    const item = await CartItemFactory.with('cart').with('productVariant', 1, (v) => v.with('product')).create()
    await db.from('carts').where('id', item.cartId).delete()
    assert.isNull(await CartItem.find(item.id))
  })

  test('a customer has one cart', async () => {
    const user = await UserFactory.create()
    await CartFactory.merge({ userId: user.id }).create()
    await assertViolates(() => CartFactory.merge({ userId: user.id }).create(), 'unique')
  })

  test('a guest token belongs to one cart', async () => {
    await CartFactory.merge({ guestToken: 'same-token' }).create()
    await assertViolates(() => CartFactory.merge({ guestToken: 'same-token' }).create(), 'unique')
  })

  test('a cart needs a user or a guest token', async () => {
    await assertViolates(() => CartFactory.merge({ guestToken: null }).create(), 'check')
  })

  test('a cart item quantity must be between 1 and 100', async () => {
    const cart = await CartFactory.create()
    const variant = await ProductVariantFactory.with('product').create()
    await assertViolates(() => CartItemFactory.merge({ cartId: cart.id, productVariantId: variant.id, quantity: 0 }).create(), 'check')
  })

  test('a cart item cannot point at a missing variant', async () => {
    const cart = await CartFactory.create()
    await assertViolates(
      () => CartItemFactory.merge({ cartId: cart.id, productVariantId: '00000000-0000-4000-8000-000000000000' }).create(),
      'foreign_key'
    )
  })

  test('a cart item prints either a photo or an artwork, not both', async () => {
    const cart = await CartFactory.create()
    const variant = await ProductVariantFactory.with('product').create()
    const photo = await PhotoFactory.with('gallery').with('mediaAsset').create()
    const artwork = await ArtworkFactory.create()
    await assertViolates(
      () => CartItemFactory.merge({ cartId: cart.id, productVariantId: variant.id, photoId: photo.id, artworkId: artwork.id }).create(),
      'check'
    )
  })
})
