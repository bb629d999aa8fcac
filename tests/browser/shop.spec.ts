import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Order from '#models/order'
import DiscountCode from '#models/discount_code'
import { artworkForSale } from '#tests/support/shop'
import { watchConsoleErrors } from '#tests/support/browser'

test.group('Journey: the print shop', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest buys two prints of an artwork with a discount code', async ({ visit, assert }) => {
    await artworkForSale()
    await DiscountCode.create({ code: 'WELCOME10', kind: 'percent', amount: 10, redemptions: 0, appliesTo: 'order' })
    const page = await visit('/portfolio')
    const consoleErrors = watchConsoleErrors(page)
    await page.getByRole('link', { name: 'Electric Riff' }).click()
    await page.locator('#print-option').selectOption({ label: '8x10 print, lustre: $25.00' })
    await page.locator('#print-quantity').fill('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await page.assertPath('/cart')
    await page.assertTextContains('body', '$50.00')
    await page.getByRole('link', { name: 'Checkout' }).click()

    await page.getByLabel('Email').fill('guest@example.com')
    await page.getByLabel('Full name').fill('Joan Jett')
    await page.getByLabel('Address', { exact: true }).fill('1 Rock Street')
    await page.getByLabel('City').fill('San Francisco')
    await page.getByLabel('State / province / region').fill('CA')
    await page.getByLabel('Postal code').fill('94110')
    await page.getByLabel('Discount code (optional)').fill('welcome10')
    await page.getByRole('button', { name: 'See the total' }).click()
    // $45.00 after the code, $8.00 shipping, 7.25 % tax on $45.00 = $3.26
    await page.assertTextContains('[data-total]', '$56.26')
    await page.getByRole('button', { name: 'Place order: $56.26' }).click()

    await page.assertTextContains('h1', 'Order O-')
    const order = await Order.firstOrFail()
    assert.equal(order.totalAmount, 5626)
    await page.assertTextContains('body', 'Cancel this order')
    assert.deepEqual(consoleErrors, [])
  })
})
