import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CartItem from '#models/cart_item'
import type User from '#models/user'
import { reorderUrl } from '#controllers/site/shop/order_reorders_controller'
import { orderUrl } from '#actions/shop/confirm_order'
import { UserFactory } from '#database/factories/user_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { artworkForSale } from '#tests/support/shop'
import { createFamilyGallery } from '#tests/support/family_gallery'

/**
 * A delivered order of the family's: two 8x10s of Electric Riff and one 11x14 giclée, at
 * last year's prices ($20 and $90), and a canvas of one of their gallery photos at $120.
 */
async function pastOrder(customer?: User) {
  const shop = await artworkForSale()
  const { family, photos } = await createFamilyGallery({ photos: 1 })
  const canvasProduct = await ProductFactory.merge({ name: 'Gallery canvas', category: 'canvas' }).create()
  const canvas = await ProductVariantFactory.merge({ productId: canvasProduct.id, name: '16x20 canvas', size: '16x20', price: 14_900 }).create()
  const owner = customer ?? family
  const order = await OrderFactory.merge({ userId: owner.id, customerEmail: owner.email! }).apply('delivered').create()
  const line = (fields: Record<string, unknown>) => OrderItemFactory.merge({ orderId: order.id, ...fields }).apply('shipped').create()
  await line({ productVariantId: shop.small.id, artworkId: shop.artwork.id, quantity: 2, unitPrice: 2000, totalPrice: 4000 })
  await line({ productVariantId: shop.large.id, artworkId: shop.artwork.id, quantity: 1, unitPrice: 9000, totalPrice: 9000 })
  await line({ productVariantId: canvas.id, photoId: photos[0].id, quantity: 1, unitPrice: 12_000, totalPrice: 12_000 })
  return { ...shop, family: owner, order, canvas, photo: photos[0] }
}

async function cartLines() {
  const items = await CartItem.query().orderBy('quantity', 'desc').orderBy('product_variant_id')
  return items.map((item) => [item.productVariantId, item.quantity])
}

test.group('Shop: buying an order again', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner buys an order again: its prints go back in the cart at today’s prices', async ({ client, assert }) => {
    const { family, order, small, large, canvas } = await pastOrder()
    await small.merge({ price: 3000 }).save()

    const page = await client.get(orderUrl(order)).loginAs(family)
    page.assertTextIncludes('Buy again')
    assert.include(page.text(), 'href="https://www.ups.com/track?tracknum=1Z999AA10123456784"')
    const list = await client.get('/portal/orders').loginAs(family)
    list.assertTextIncludes('Buy again')
    assert.include(list.text(), 'href="https://www.ups.com/track?tracknum=1Z999AA10123456784"')

    const response = await client.post(`/orders/${order.id}/reorder`).loginAs(family).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/cart')
    response.assertFlashMessage('success', `The prints of order ${order.orderNumber} are back in your cart, at today’s prices.`)
    assert.notProperty(response.flashMessages(), 'error')
    assert.sameDeepMembers(await cartLines(), [[small.id, 2], [large.id, 1], [canvas.id, 1]])

    const cart = await client.get('/cart').loginAs(family)
    cart.assertTextIncludes('$60.00') // 2 × today's $30, not the order's $20
    cart.assertTextIncludes('$95.00') // the artwork's own price for the giclée
    cart.assertTextIncludes('$149.00')
  })

  test('a guest with the order’s signed link buys it again into their browser’s cart', async ({ client, assert }) => {
    const { order, small } = await pastOrder()
    const page = await client.get(orderUrl(order))
    const action = page.text().match(/action="([^"]*\/reorder[^"]*)"/)![1].replace(/&amp;/g, '&')
    assert.equal(action, reorderUrl(order))

    const response = await client.post(action).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/cart')
    const token = response.cookie('cart')?.value as string
    assert.isString(token)
    const cart = await client.get('/cart').withEncryptedCookie('cart', token)
    cart.assertTextIncludes('Electric Riff')
    assert.include(cart.text(), '$50.00') // 2 × $25
    assert.lengthOf(await CartItem.query().where('product_variant_id', small.id), 1)
  })

  test('prints no longer sold are left out, and the customer is told which', async ({ client, assert }) => {
    const { family, order, small, largeOption, photo } = await pastOrder()
    await largeOption.merge({ available: false }).save()
    await photo.merge({ isHidden: true }).save()

    const response = await client.post(reorderUrl(order)).loginAs(family).withCsrfToken().redirects(0)
    response.assertHeader('location', '/cart')
    const error = response.flashMessages().error as string
    assert.include(error, 'Electric Riff, 11x14 giclée, cotton rag')
    assert.include(error, '16x20 canvas')
    assert.notInclude(error, '8x10')
    assert.deepEqual(await cartLines(), [[small.id, 2]])
  })

  test('when nothing is sold any more the cart is untouched and the customer stays on the order', async ({ client, assert }) => {
    const { family, order, product, photo } = await pastOrder()
    await product.merge({ active: false }).save()
    await photo.merge({ isHidden: true }).save()

    const response = await client.post(reorderUrl(order)).loginAs(family).withCsrfToken().redirects(0)
    assert.match(response.header('location')!, new RegExp(`^/orders/${order.id}\\?signature=`))
    assert.include(response.flashMessages().error, 'None of these prints is sold any more')
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('a stranger cannot buy someone else’s order again: not signed in as another family, nor without the link', async ({ client, assert }) => {
    const { order } = await pastOrder()
    const stranger = await UserFactory.merge({ role: 'customer' }).create()

    ;(await client.post(`/orders/${order.id}/reorder`).loginAs(stranger).withCsrfToken().redirects(0)).assertStatus(404)
    ;(await client.post(`/orders/${order.id}/reorder`).withCsrfToken().redirects(0)).assertStatus(404)
    const forged = reorderUrl(order).replace(/signature=[^&]+/, 'signature=forged')
    ;(await client.post(forged).loginAs(stranger).withCsrfToken().redirects(0)).assertStatus(404)
    const otherOrder = await OrderFactory.merge({ userId: stranger.id }).create()
    const wrongOrder = reorderUrl(otherOrder).replace(otherOrder.id, order.id)
    ;(await client.post(wrongOrder).withCsrfToken().redirects(0)).assertStatus(404)
    assert.lengthOf(await CartItem.all(), 0)
  })
})
