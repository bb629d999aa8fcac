import { test } from '@japa/runner'
import type { Page } from 'playwright'
import testUtils from '@adonisjs/core/services/test_utils'
import Order from '#models/order'
import DiscountCode from '#models/discount_code'
import { artworkForSale } from '#tests/support/shop'
import { UserFactory } from '#database/factories/user_factory'
import { watchConsoleErrors } from '#tests/support/browser'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { useLocalStripe } from '#tests/support/stripe'

/** On an artwork's page: two 8x10 lustre prints into the cart. */
async function addTwoPrints(page: Page) {
  await page.locator('#print-option').selectOption({ label: '8x10 print, lustre: $25.00' })
  await page.locator('#print-quantity').fill('2')
  await page.getByRole('button', { name: 'Add to cart' }).click()
}

/** The checkout form as a Californian guest with the WELCOME10 code, up to the quote. */
async function fillCheckout(page: Page) {
  await page.getByLabel('Email').fill('guest@example.com')
  await page.getByLabel('Full name').fill('Joan Jett')
  await page.getByLabel('Address', { exact: true }).fill('1 Rock Street')
  await page.getByLabel('City').fill('San Francisco')
  await page.getByLabel('State / province / region').fill('CA')
  await page.getByLabel('Postal code').fill('94110')
  await page.getByLabel('Discount code (optional)').fill('welcome10')
  await page.getByRole('button', { name: 'See the total' }).click()
}

test.group('Journey: the print shop', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest finds a print in the shop and buys two of an artwork with a discount code', async ({ visit, assert }) => {
    await artworkForSale()
    await DiscountCode.create({ code: 'WELCOME10', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order' })
    const page = await visit('/')
    const consoleErrors = watchConsoleErrors(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click()
    await page.assertPath('/shop')
    await page.getByRole('link', { name: /Fine-art print/ }).click()
    await page.assertTextContains('h1', 'Fine-art print')
    await page.assertTextContains('body', 'Photographs sold as Fine-art print')
    await page.getByRole('link', { name: 'Electric Riff' }).click()
    await page.assertPath('/artworks/electric-riff')
    await addTwoPrints(page)
    await page.assertPath('/cart')
    await page.assertTextContains('body', '$50.00')
    await page.getByRole('link', { name: 'Checkout' }).click()

    await fillCheckout(page)
    // $45.00 after the code, $8.00 shipping, 7.25 % tax on $45.00 = $3.26
    await page.assertTextContains('[data-total]', '$56.26')
    await page.getByRole('button', { name: 'Place order: $56.26' }).click()

    await page.assertTextContains('h1', 'Order O-')
    const order = await Order.firstOrFail()
    assert.equal(order.totalAmount, 5626)
    await page.assertTextContains('body', 'Cancel this order')
    assert.deepEqual(consoleErrors, [])
  })

  test('an admin ships an order with tracking and the customer sees it on the order page', async ({ browser, visit, assert }) => {
    const { smallOption } = await artworkForSale()
    const shopper = await visit(`/artworks/electric-riff`)
    await shopper.locator('#print-option').selectOption({ value: smallOption.id })
    await shopper.getByRole('button', { name: 'Add to cart' }).click()
    await shopper.getByRole('link', { name: 'Checkout' }).click()
    await shopper.getByLabel('Email').fill('fan@example.com')
    await shopper.getByLabel('Full name').fill('Joan Jett')
    await shopper.getByLabel('Address', { exact: true }).fill('1 Rock Street')
    await shopper.getByLabel('City').fill('San Francisco')
    await shopper.getByLabel('State / province / region').fill('CA')
    await shopper.getByLabel('Postal code').fill('94110')
    await shopper.getByRole('button', { name: 'See the total' }).click()
    await shopper.getByRole('button', { name: /Place order/ }).click()
    await shopper.assertTextContains('h1', 'Order O-')
    const orderPage = shopper.url()
    const order = await Order.firstOrFail()
    await order.merge({ status: 'paid' }).save()

    const admin = await UserFactory.apply('admin').create()
    // The studio works in its own browser, signed in.
    const studio = await browser.newContext()
    await studio.loginAs(admin)
    const desk = await studio.newPage()
    await desk.goto(`${new URL(orderPage).origin}/admin/orders`)
    await desk.getByRole('link', { name: order.orderNumber }).click()
    await desk.getByLabel('Move to').selectOption('in_production')
    await desk.getByRole('button', { name: 'Save' }).click()
    await desk.getByLabel('Move to').selectOption('shipped')
    await desk.getByLabel('Tracking number (when shipping)').fill('1Z999AA10123456784')
    await desk.getByRole('button', { name: 'Save' }).click()
    await desk.getByText('Shipped', { exact: true }).first().waitFor()

    await studio.close()
    await shopper.goto(orderPage)
    await shopper.assertTextContains('body', '1Z999AA10123456784')
    await order.refresh()
    assert.equal(order.status, 'shipped')
  })
})

test.group('Journey: a guest pays for prints with the demo card', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('two prints with a discount code, paid on the hosted page: the order page says paid', async ({ visit, assert }) => {
    await artworkForSale()
    await DiscountCode.create({ code: 'WELCOME10', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order' })
    const page = await visit('/artworks/electric-riff')
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await addTwoPrints(page)
    await page.getByRole('link', { name: 'Checkout' }).click()
    await fillCheckout(page)
    await page.getByRole('button', { name: 'Place order: $56.26' }).click()

    // The local Stripe server's hosted Checkout page, then back to the order.
    await page.waitForURL(/\/checkout\//)
    await page.assertTextContains('body', 'Demo card — no money moves')
    await page.assertTextContains('body', '$56.26')
    await page.getByLabel('Card number').fill('4242 4242 4242 4242')
    await page.getByRole('button', { name: /with the demo card/ }).click()
    await page.waitForURL(/\/orders\//)
    await stripe.flushWebhooks()

    const order = await Order.firstOrFail()
    assert.equal(order.status, 'paid')
    assert.equal(order.totalAmount, 5626)
    await page.reload()
    await page.assertTextContains('h1', order.orderNumber)
    await page.assertTextContains('body', 'Paid')
    assert.deepEqual(consoleErrors, [])
  })
})
