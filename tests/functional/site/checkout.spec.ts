import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import Payment from '#models/payment'
import DiscountCode from '#models/discount_code'
import { UserFactory } from '#database/factories/user_factory'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { artworkForSale } from '#tests/support/shop'
import { CALIFORNIA, addToGuestCart, checkout } from '#tests/support/checkout'
import { lastDeliveredTo } from '#tests/support/mail'

const year = DateTime.now().year

test.group('Shop: cart and checkout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest buys two prints of an artwork: totals from the database, order, pending payment, email', async ({ client, assert }) => {
    const { artwork, smallOption, largeOption } = await artworkForSale()
    const page = await client.get(`/artworks/${artwork.slug}`)
    assert.include(page.text(), 'Add to cart')
    assert.notExists(page.header('set-cookie')?.toString().match(/cart=/))

    const { response, token } = await addToGuestCart(client, smallOption.id, 2)
    response.assertHeader('location', '/cart')
    await addToGuestCart(client, largeOption.id, 1, token)
    const cart = await client.get('/cart').withEncryptedCookie('cart', token!)
    cart.assertTextIncludes('Electric Riff')
    cart.assertTextIncludes('$145.00')

    const { quote, placed, total } = await checkout(client, token!)
    quote.assertStatus(200)
    quote.assertTextIncludes('$8.00') // standard shipping, prints
    quote.assertTextIncludes('$10.51') // 7.25 % of $145.00
    assert.equal(total, 14_500 + 800 + 1051)

    const order = await Order.query().preload('items').preload('payments').firstOrFail()
    assert.match(placed!.header('location')!, new RegExp(`^/orders/${order.id}\\?signature=`))
    assert.match(order.orderNumber, new RegExp(`^O-${year}-\\d{6}$`))
    assert.equal(order.customerEmail, 'guest@example.com')
    assert.deepEqual([order.subtotal, order.shippingAmount, order.taxAmount, order.totalAmount], [14_500, 800, 1051, 16_351])
    assert.sameMembers(order.items.map((i) => `${i.quantity}x${i.unitPrice}`), ['2x2500', '1x9500'])
    assert.equal(order.payments[0].status, 'pending')
    assert.equal(order.payments[0].amount, 16_351)
    assert.equal(order.payments[0].paymentType, 'product_purchase')
    assert.lengthOf(await CartItem.all(), 0)
    assert.isTrue(order.reviewEndsAt! > DateTime.now().plus({ minutes: 100 }))

    const mail = lastDeliveredTo('guest@example.com')
    assert.include(mail.subject, order.orderNumber)
    assert.include(mail.text!, 'Total: $163.51')
    const confirmation = await client.get(placed!.header('location')!)
    confirmation.assertStatus(200)
    confirmation.assertTextIncludes(order.orderNumber)
    ;(await client.get(`/orders/${order.id}`)).assertStatus(404)
  })

  test('a discount code comes off before tax', async ({ client, assert }) => {
    const { smallOption, largeOption } = await artworkForSale()
    await DiscountCode.create({ code: 'WELCOME10', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order' })
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    await addToGuestCart(client, largeOption.id, 1, token)
    const { total } = await checkout(client, token!, { discountCode: 'welcome10' })
    assert.equal(total, 13_050 + 800 + 946)
    const order = await Order.firstOrFail()
    assert.equal(order.discountAmount, 1450)
    assert.equal((await DiscountCode.findByOrFail('code', 'WELCOME10')).redemptions, 1)
  })

  test('buy two get one: the cheapest print of three is free; free shipping codes take the shipping', async ({ client, assert }) => {
    const { smallOption, largeOption } = await artworkForSale()
    await DiscountCode.create({ code: 'B2G1', kind: 'percent', amount: 100, redemptions: 0, appliesTo: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1 })
    await DiscountCode.create({ code: 'FREESHIP', kind: 'percent', amount: 100, redemptions: 0, appliesTo: 'shipping' })
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    await addToGuestCart(client, largeOption.id, 1, token)

    const b2g1 = await checkout(client, token!, { discountCode: 'B2G1', email: 'one@example.com' })
    // 9500 + 2500 + (2500 free) = 12 000, tax 870, shipping 800
    assert.equal(b2g1.total, 12_000 + 800 + 870)

    const second = await addToGuestCart(client, smallOption.id, 1, token)
    second.response.assertHeader('location', '/cart')
    const freeShip = await checkout(client, token!, { discountCode: 'FREESHIP', email: 'two@example.com' })
    assert.equal(freeShip.total, 2500 + 181)
  })

  test('codes refused: unknown, expired, below the minimum, already used by this customer', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    await DiscountCode.create({ code: 'OLD', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order', endsAt: DateTime.now().minus({ days: 1 }), startsAt: DateTime.now().minus({ days: 9 }) })
    await DiscountCode.create({ code: 'BIG', kind: 'fixed', amount: 1000, redemptions: 0, appliesTo: 'order', minOrderAmount: 10_000 })
    await DiscountCode.create({ code: 'ONCE', kind: 'fixed', amount: 500, redemptions: 0, appliesTo: 'order', maxPerCustomer: 1 })
    const { token } = await addToGuestCart(client, smallOption.id, 1)

    const refusal = async (code: string) => {
      const form = { ...CALIFORNIA, checkoutKey: crypto.randomUUID(), discountCode: code }
      const response = await client.post('/checkout').form(form).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
      response.assertStatus(302)
      return (response.flashMessages().inputErrorsBag as Record<string, string[]> | undefined)?.discountCode?.[0]
    }
    assert.equal(await refusal('NOPE'), 'That code is not valid (or has expired)')
    assert.equal(await refusal('OLD'), 'That code is not valid (or has expired)')
    assert.equal(await refusal('BIG'), 'That code needs an order of at least 100.00')

    const first = await checkout(client, token!, { discountCode: 'ONCE' })
    assert.exists(first.placed)
    await addToGuestCart(client, smallOption.id, 1, token)
    assert.equal(await refusal('ONCE'), 'You have already used that code')
    assert.lengthOf(await Order.all(), 1)
  })

  test('price and quantity tampering are rejected: the form never sets a price', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const tooMany = await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: 500 }).withCsrfToken().redirects(0)
    tooMany.assertValidationError('quantity', 'At most 20 of one print per order')
    const negative = await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: -2 }).withCsrfToken().redirects(0)
    negative.assertValidationError('quantity', 'Enter at least 1')
    assert.lengthOf(await CartItem.all(), 0)

    const { token } = await addToGuestCart(client, smallOption.id, 1)
    const form = { ...CALIFORNIA, checkoutKey: crypto.randomUUID(), expectedTotal: '100', unitPrice: '1', subtotal: '1', total: '1' }
    const cheap = await client.post('/checkout').form(form).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    cheap.assertStatus(200)
    cheap.assertTextIncludes('The total changed')
    cheap.assertTextIncludes('$34.81') // 2500 + 800 shipping + 181 tax
    assert.lengthOf(await Order.all(), 0)

    const json = await client.post('/cart/items').json({ printOptionId: smallOption.id, quantity: 1.5 }).header('accept', 'application/json').withCsrfToken()
    json.assertStatus(422)
  })

  test('an address is checked for its country, and nothing is written when it is wrong', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { token } = await addToGuestCart(client, smallOption.id, 1)
    const post = (fields: Record<string, string>) =>
      client.post('/checkout').form({ ...CALIFORNIA, checkoutKey: crypto.randomUUID(), ...fields }).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    ;(await post({ region: '' })).assertValidationError('region', 'Choose a state of United States')
    ;(await post({ postalCode: 'ABC' })).assertValidationError('postalCode', 'Enter a postal code like 94110')
    ;(await post({ country: 'ZZ' })).assertValidationError('country', 'We do not ship there yet: choose a country from the list')
    const uk = await checkout(client, token!, { country: 'GB', region: '', postalCode: 'SW1A 1AA' })
    assert.equal(uk.total, 2500 + 2500 + 500) // rest-of-world shipping, 20 % VAT
    assert.lengthOf(await Payment.all(), 1)
  })

  test('a second submit of the same checkout finds the first order', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { token } = await addToGuestCart(client, smallOption.id, 1)
    const form = { ...CALIFORNIA, checkoutKey: crypto.randomUUID(), expectedTotal: String(2500 + 800 + 181) }
    const first = await client.post('/checkout').form(form).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    const again = await client.post('/checkout').form(form).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    assert.equal(first.header('location'), again.header('location'))
    assert.lengthOf(await Order.all(), 1)
  })

  test('a guest cart merges into the account at sign-in; someone else cannot touch its lines', async ({ client, assert }) => {
    const { smallOption, largeOption } = await artworkForSale()
    const customer = await UserFactory.merge({ role: 'customer' }).create()
    const { token } = await addToGuestCart(client, smallOption.id, 2)
    const line = await CartItem.firstOrFail()

    const other = await addToGuestCart(client, largeOption.id, 1)
    ;(await client.delete(`/cart/items/${line.id}`).withEncryptedCookie('cart', other.token!).withCsrfToken().redirects(0)).assertStatus(404)

    await client.post('/login').form({ email: customer.email, password: FACTORY_PASSWORD }).withEncryptedCookie('cart', token!).withCsrfToken().redirects(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const mine = await Cart.query().where('user_id', customer.id).preload('items').firstOrFail()
    assert.equal(mine.items[0].quantity, 2)
    assert.isNull(await Cart.query().where('guest_token', token!).first())
    const page = await client.get('/cart').loginAs(customer)
    page.assertTextIncludes('Electric Riff')
  })
})

test.group('Shop: the review window and the order history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('inside the review window the customer cancels; the pending payment closes with it', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { token } = await addToGuestCart(client, smallOption.id, 1)
    const { placed } = await checkout(client, token!)
    const page = await client.get(placed!.header('location')!)
    page.assertTextIncludes('Cancel this order')
    const action = page.text().match(/action="([^"]*\/cancellation[^"]*)"/)![1].replace(/&amp;/g, '&')

    const order = await Order.firstOrFail()
    ;(await client.post(`/orders/${order.id}/cancellation`).withCsrfToken().redirects(0)).assertStatus(404)
    ;(await client.post(action).withCsrfToken().redirects(0)).assertStatus(302)
    await order.refresh()
    assert.equal(order.status, 'cancelled')
    assert.equal((await Payment.findByOrFail('order_id', order.id)).status, 'failed')
  })

  test('after the window the order can no longer be cancelled', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { token } = await addToGuestCart(client, smallOption.id, 1)
    await checkout(client, token!)
    const order = await Order.firstOrFail()
    await order.merge({ reviewEndsAt: DateTime.now().minus({ minutes: 1 }) }).save()
    const { cancellationUrl } = await import('#controllers/site/shop/order_cancellations_controller')
    const response = await client.post(cancellationUrl(order)).withCsrfToken().redirects(0)
    assert.include(response.flashMessages().error, 'review window has closed')
    assert.equal((await order.refresh()).status, 'pending')
  })

  test('a signed-in customer sees their orders in the portal, not anyone else’s', async ({ client }) => {
    const { smallOption } = await artworkForSale()
    const customer = await UserFactory.merge({ role: 'customer' }).create()
    await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: 1 }).loginAs(customer).withCsrfToken()
    const form = { ...CALIFORNIA, email: customer.email!, checkoutKey: crypto.randomUUID(), expectedTotal: String(2500 + 800 + 181) }
    await client.post('/checkout').form(form).loginAs(customer).withCsrfToken().redirects(0)
    const order = await Order.firstOrFail()
    const list = await client.get('/portal/orders').loginAs(customer)
    list.assertTextIncludes(order.orderNumber)
    ;(await client.get(`/orders/${order.id}`).loginAs(customer)).assertStatus(200)
    const stranger = await UserFactory.merge({ role: 'customer' }).create()
    ;(await client.get('/portal/orders').loginAs(stranger)).assertTextIncludes('No orders yet')
    ;(await client.get(`/orders/${order.id}`).loginAs(stranger)).assertStatus(404)
  })
})
