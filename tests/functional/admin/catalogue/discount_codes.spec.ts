import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import DiscountCode from '#models/discount_code'
import { UserFactory } from '#database/factories/user_factory'

test.group('Admin catalogue: discount codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin creates a buy-2-get-1 code with dates, minimum and limits; the list shows it', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/discount-codes').loginAs(admin).withCsrfToken()
      .form({ code: 'encore', kind: 'percent', amount: '50', appliesTo: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, startsAt: '2026-01-01', endsAt: '2026-12-31', minOrderAmount: '40.00', maxRedemptions: 100, maxPerCustomer: 1 })
      .redirects(0)
    created.assertStatus(303)
    const code = await DiscountCode.findByOrFail('code', 'ENCORE')
    assert.deepInclude(code.serialize(), { kind: 'percent', amount: 50, appliesTo: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, minOrderAmount: 4000, maxRedemptions: 100, maxPerCustomer: 1 })
    const list = await client.get('/admin/discount-codes').loginAs(admin)
    list.assertTextIncludes('ENCORE')
    list.assertTextIncludes('0 of 100')
  })

  test('bad input writes nothing; only admins manage codes', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await client.post('/admin/discount-codes').loginAs(admin).withCsrfToken()
      .form({ code: 'BXGY', kind: 'fixed', amount: '5', appliesTo: 'buy_x_get_y' }).redirects(0)
    page.assertValidationError('buyQuantity', 'How many to buy')
    const over = await client.post('/admin/discount-codes').header('accept', 'application/json').loginAs(admin).withCsrfToken()
      .json({ code: 'TOOMUCH', kind: 'percent', amount: 150, appliesTo: 'order' })
    over.assertStatus(422)
    assert.lengthOf(await DiscountCode.all(), 0)
    ;(await client.get('/admin/discount-codes').loginAs(await UserFactory.apply('staff').create())).assertStatus(403)
  })
})
