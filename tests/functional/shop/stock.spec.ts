import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import DiscountCode from '#models/discount_code'
import Order from '#models/order'
import Payment from '#models/payment'
import ProductVariant from '#models/product_variant'
import { restock } from '#actions/shop/restock_order'
import CancelOrder from '#actions/shop/cancel_order'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { artworkForSale } from '#tests/support/shop'
import { CALIFORNIA, addToGuestCart, checkout } from '#tests/support/checkout'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { truncateAfterEach } from '#tests/support/truncate'

const stockOf = async (variant: ProductVariant) => (await ProductVariant.findOrFail(variant.id)).stock
const setStock = (variant: ProductVariant, stock: number | null) => ProductVariant.query().where('id', variant.id).update({ stock })
const fieldError = (response: { flashMessages(): Record<string, any> }, field: string) => response.flashMessages().inputErrorsBag?.[field]?.[0]

test.group('Shop: limited stock', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('adding more of a stocked print than is left is refused beside the quantity ("Only 2 left", "Sold out") and writes nothing', async ({ client, assert }) => {
    const { artwork, small, smallOption } = await artworkForSale()
    await setStock(small, 2)
    const page = `/artworks/${artwork.slug}`

    const tooMany = await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: 3 }).header('referer', page).withCsrfToken().redirects(0)
    tooMany.assertStatus(302)
    tooMany.assertHeader('location', page)
    assert.equal(fieldError(tooMany, 'quantity'), 'Only 2 left')
    assert.lengthOf(await Cart.all(), 0)
    assert.lengthOf(await CartItem.all(), 0)
    const shown = await client.get(page).withFlashMessages({ inputErrorsBag: { quantity: ['Only 2 left'] }, printOptionId: smallOption.id, quantity: '3' })
    shown.assertTextIncludes('Only 2 left')

    const json = await client.post('/cart/items').json({ printOptionId: smallOption.id, quantity: 3 }).header('accept', 'application/json').withCsrfToken()
    json.assertStatus(422)
    assert.deepEqual(json.body().errors, [{ field: 'quantity', message: 'Only 2 left' }])

    // What the cart already holds counts: two in, one more is too many.
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    const more = await addToGuestCart(client, smallOption.id, 1, token)
    assert.equal(fieldError(more.response, 'quantity'), 'Only 2 left, and 2 are already in your cart')
    assert.deepEqual((await CartItem.all()).map((item) => item.quantity), [2])

    await setStock(small, 0)
    const soldOut = await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: 1 }).withCsrfToken().redirects(0)
    assert.equal(fieldError(soldOut, 'quantity'), 'Sold out')
    assert.equal(await stockOf(small), 0)
  })

  test('a print of a gallery photo is refused the same way when its stock is short', async ({ client, assert }) => {
    const { family, gallery, photos } = await createFamilyGallery({ photos: 1 })
    const metal = await ProductFactory.merge({ name: 'Metal print', category: 'metal' }).create()
    const variant = await ProductVariantFactory.merge({ productId: metal.id, name: '12x18 metal', size: '12x18', price: 12_000, stock: 1 }).create()
    const url = `/g/${gallery.slug}/photos/${photos[0].id}/print`

    const refused = await client.post(url).form({ productVariantId: variant.id, quantity: 2 }).header('referer', url).loginAs(family).withCsrfToken().redirects(0)
    refused.assertHeader('location', url)
    assert.equal(fieldError(refused, 'quantity'), 'Only 1 left')
    assert.lengthOf(await CartItem.all(), 0)
    const shown = await client.get(url).loginAs(family).withFlashMessages({ inputErrorsBag: { quantity: ['Only 1 left'] } })
    shown.assertTextIncludes('Only 1 left')
  })

  test('a line whose stock fell since it was added is flagged in the cart and checkout, and no order is placed until the cart is changed', async ({ client, assert }) => {
    const { small, smallOption } = await artworkForSale()
    await setStock(small, 3)
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    await setStock(small, 1)

    const cart = await client.get('/cart').withEncryptedCookie('cart', token!)
    cart.assertTextIncludes('Only 1 left: lower the quantity to check out')
    const page = await client.get('/checkout').withEncryptedCookie('cart', token!)
    page.assertTextIncludes('Electric Riff, 8x10 print, lustre: Only 1 left')

    const { quote, placed } = await checkout(client, token!)
    assert.isNull(placed)
    quote.assertStatus(302)
    quote.assertHeader('location', '/checkout')
    assert.include(fieldError(quote, 'cart'), 'Electric Riff, 8x10 print, lustre: Only 1 left')
    const json = await client.post('/checkout').json({ ...CALIFORNIA, checkoutKey: randomUUID() }).withEncryptedCookie('cart', token!).header('accept', 'application/json').withCsrfToken()
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'cart')
    assert.lengthOf(await Order.all(), 0)
    assert.equal(await stockOf(small), 1)

    const line = await CartItem.firstOrFail()
    await client.put(`/cart/items/${line.id}`).form({ quantity: 1 }).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    const again = await checkout(client, token!)
    assert.match(again.placed!.header('location')!, /^\/orders\//)
    assert.equal(await stockOf(small), 0)
  })

  test('placing an order takes the stocked units and leaves print-on-demand alone; restock puts them back', async ({ client, assert }) => {
    const { small, large, smallOption, largeOption } = await artworkForSale()
    await setStock(small, 5)
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    await addToGuestCart(client, largeOption.id, 3, token)
    const { placed } = await checkout(client, token!)
    assert.match(placed!.header('location')!, /^\/orders\//)
    assert.equal(await stockOf(small), 3)
    assert.isNull(await stockOf(large))

    const order = await Order.firstOrFail()
    const returned = await db.transaction((trx) => restock(order, trx))
    assert.equal(returned, 2)
    assert.equal(await stockOf(small), 5)
    assert.isNull(await stockOf(large))
  })

  test('an order cancelled in its review window, or by the studio, puts its prints back once', async ({ client, assert }) => {
    const { small, smallOption } = await artworkForSale()
    await setStock(small, 5)
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    await checkout(client, token!)
    const first = await Order.firstOrFail()
    assert.equal(await stockOf(small), 3)
    assert.isTrue((await CancelOrder.handle(actors.anonymous(), first)).ok)
    assert.equal(await stockOf(small), 5)
    // A second tab cancelling again returns nothing more.
    assert.isFalse((await CancelOrder.handle(actors.anonymous(), await Order.findOrFail(first.id))).ok)
    assert.equal(await stockOf(small), 5)

    const again = await addToGuestCart(client, smallOption.id, 1)
    await checkout(client, again.token!)
    const second = await Order.query().whereNot('id', first.id).firstOrFail()
    assert.equal(await stockOf(small), 4)
    const admin = actors.user(await UserFactory.apply('admin').create())
    assert.isTrue((await ChangeOrderStatus.handle(admin, second, 'cancelled', { note: 'Customer phoned' })).ok)
    assert.isFalse((await ChangeOrderStatus.handle(admin, await Order.findOrFail(second.id), 'cancelled')).ok)
    assert.equal(await stockOf(small), 5)
  })
})

test.group('Shop: the last print', (group) => {
  // Real connections: each placement runs in its own transaction, in parallel on PostgreSQL.
  group.each.teardown(() => truncateAfterEach())

  test('two customers buying the last print at once: one order, one refusal, nothing of the refused order kept', async ({ client, assert }) => {
    const { small, smallOption } = await artworkForSale()
    await setStock(small, 1)
    await DiscountCode.create({ code: 'WELCOME10', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order' })
    const buyers = []
    for (const email of ['ann@example.com', 'bob@example.com']) {
      const { token } = await addToGuestCart(client, smallOption.id, 1)
      const form = { ...CALIFORNIA, email, discountCode: 'WELCOME10', checkoutKey: randomUUID() }
      const quote = await client.post('/checkout').form(form).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
      const total = quote.text().match(/name="expectedTotal" value="(\d+)"/)![1]
      buyers.push({ token: token!, form: { ...form, expectedTotal: total } })
    }

    const responses = await Promise.all(
      buyers.map(({ token, form }) => client.post('/checkout').form(form).withEncryptedCookie('cart', token).withCsrfToken().redirects(0))
    )
    const locations = responses.map((response) => response.header('location'))
    assert.lengthOf(locations.filter((location) => location?.startsWith('/orders/')), 1)
    const refused = responses.find((response) => response.header('location') === '/checkout')!
    assert.include(fieldError(refused, 'cart'), 'Sold out')

    assert.lengthOf(await Order.all(), 1)
    assert.lengthOf(await Payment.all(), 1)
    assert.equal(await stockOf(small), 0)
    assert.equal((await DiscountCode.findByOrFail('code', 'WELCOME10')).redemptions, 1)
    assert.lengthOf(await CartItem.all(), 1) // the refused customer's line is still in their cart
  }).timeout(30_000)
})
