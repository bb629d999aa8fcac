import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import InvoicePolicy from '#policies/invoice_policy'
import PaymentPolicy from '#policies/payment_policy'
import { UserFactory } from '#database/factories/user_factory'
import { InvoiceFactory } from '#database/factories/invoice_factory'

test.group('InvoicePolicy and PaymentPolicy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a family sees its own issued invoices, never a draft or another family’s', async ({ assert }) => {
    const policy = new InvoicePolicy()
    const [family, other] = await Promise.all([UserFactory.apply('customer').create(), UserFactory.apply('customer').create()])
    const open = await InvoiceFactory.apply('open').merge({ userId: family.id }).create()
    const draft = await InvoiceFactory.merge({ userId: family.id }).create()
    assert.isTrue(policy.view(family, open))
    assert.isFalse(policy.view(family, draft))
    assert.isFalse(policy.view(other, open))
    assert.isFalse(policy.manage(family))
  })

  test('the studio sees every invoice; only admins send, void, read payments and refund', async ({ assert }) => {
    const invoices = new InvoicePolicy()
    const payments = new PaymentPolicy()
    const [admin, staff, photographer] = await Promise.all([UserFactory.apply('admin').create(), UserFactory.apply('staff').create(), UserFactory.apply('photographer').create()])
    const draft = await InvoiceFactory.create()
    assert.isTrue(invoices.view(admin, draft))
    assert.isTrue(invoices.view(staff, draft))
    assert.isTrue(invoices.manage(admin))
    assert.isFalse(invoices.manage(staff))
    assert.isTrue(payments.refund(admin))
    assert.isFalse(payments.refund(staff))
    assert.isFalse(payments.refund(photographer))
    assert.isFalse(payments.view(staff))
  })
})
