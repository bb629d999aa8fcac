import { test } from '@japa/runner'
import { discountAmount, totalsOf } from '#shop/pricing'
import { shippingOptionsFor, taxRateFor, DEFAULT_SHIPPING_RATES, DEFAULT_TAX_RATES } from '#shop/rates'
import { addressProblems } from '#shop/addresses'
import { printCrop } from '#shop/print_crop'

const lines = [
  { key: 'a', unitPrice: 2500, quantity: 2 },
  { key: 'b', unitPrice: 9500, quantity: 1 },
]

test.group('Shop pricing', () => {
  test('percent and fixed codes come off the merchandise, never below zero', ({ assert }) => {
    assert.equal(discountAmount({ kind: 'percent', amount: 10, appliesTo: 'order', buyQuantity: null, getQuantity: null }, lines, 800), 1450)
    assert.equal(discountAmount({ kind: 'fixed', amount: 50_000, appliesTo: 'order', buyQuantity: null, getQuantity: null }, lines, 800), 14_500)
  })

  test('buy two get one discounts the cheapest unit of each group of three', ({ assert }) => {
    const code = { kind: 'percent' as const, amount: 100, appliesTo: 'buy_x_get_y' as const, buyQuantity: 2, getQuantity: 1 }
    assert.equal(discountAmount(code, lines, 0), 2500)
    assert.equal(discountAmount(code, [{ key: 'a', unitPrice: 1000, quantity: 6 }], 0), 2000)
    assert.equal(discountAmount(code, [{ key: 'a', unitPrice: 1000, quantity: 2 }], 0), 0)
  })

  test('shipping codes take the shipping; tax is on the merchandise after an order discount', ({ assert }) => {
    assert.equal(discountAmount({ kind: 'percent', amount: 100, appliesTo: 'shipping', buyQuantity: null, getQuantity: null }, lines, 800), 800)
    assert.deepEqual(totalsOf(lines, { shipping: 800, taxBps: 725, discount: 1450, discountOnShipping: false }), {
      subtotal: 14_500,
      discount: 1450,
      shipping: 800,
      tax: 946,
      total: 14_796,
    })
    assert.equal(totalsOf(lines, { shipping: 800, taxBps: 725, discount: 800, discountOnShipping: true }).tax, 1051)
  })

  test('rates: the most specific region wins; heavy parcels cost more; unknown countries fall back to "*"', ({ assert }) => {
    assert.equal(taxRateFor(DEFAULT_TAX_RATES, 'us', 'ca'), 725)
    assert.equal(taxRateFor(DEFAULT_TAX_RATES, 'US', 'OR'), 0)
    assert.equal(taxRateFor(DEFAULT_TAX_RATES, 'DE', null), 0)
    assert.deepEqual(shippingOptionsFor(DEFAULT_SHIPPING_RATES, 'US', 'CA', 'heavy'), [
      { method: 'standard', amount: 2500 },
      { method: 'express', amount: 4500 },
    ])
    assert.deepEqual(shippingOptionsFor(DEFAULT_SHIPPING_RATES, 'DE', null, 'light'), [{ method: 'standard', amount: 2500 }])
  })

  test('addresses are checked per country', ({ assert }) => {
    assert.deepEqual(addressProblems({ country: 'US', region: 'CA', postalCode: '94110' }), [])
    assert.deepEqual(addressProblems({ country: 'CA', region: 'ON', postalCode: 'K1A 0B1' }), [])
    assert.deepEqual(addressProblems({ country: 'GB', region: null, postalCode: 'SW1A 1AA' }), [])
    assert.deepEqual(addressProblems({ country: 'US', region: 'XX', postalCode: '9411' }).map((p) => p.field), ['region', 'postalCode'])
    assert.equal(addressProblems({ country: 'ZZ', postalCode: '1' })[0].field, 'country')
  })

  test('print files are centre-cropped to the print’s shape in the picture’s orientation', ({ assert }) => {
    assert.deepEqual(printCrop(48, 32, '8x10'), { left: 4, top: 0, width: 40, height: 32 })
    assert.deepEqual(printCrop(4000, 6000, '8x10'), { left: 0, top: 500, width: 4000, height: 5000 })
    assert.isNull(printCrop(1000, 1000, '11oz'))
    assert.isNull(printCrop(1500, 1000, '4x6'))
  })
})
