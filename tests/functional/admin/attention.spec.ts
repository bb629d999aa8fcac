import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import CancelOrder from '#actions/shop/cancel_order'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import RefundPayment from '#actions/payments/refund_payment'
import EmailLog from '#models/email_log'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { artworkForSale } from '#tests/support/shop'
import { placeGuestOrder } from '#tests/support/checkout'
import { attentionOf } from '#tests/support/studio'

test.group('Admin dashboard: what needs the studio', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a quiet day says nothing needs the studio', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { text } = await attentionOf(client, admin)
    assert.include(text, 'Nothing needs you right now')
  })

  test('a failed plan, a refund to give back, an order the labs dropped and failed mail are listed, each until it is dealt with', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const family = await UserFactory.merge({ firstName: 'Ada', lastName: 'Rivera' }).create()
    const flagged = await PhotoSessionFactory.merge({ userId: family.id, status: 'confirmed', paymentFlaggedAt: DateTime.now() }).create()
    await PhotoSessionFactory.merge({ status: 'cancelled', paymentFlaggedAt: DateTime.now() }).create()
    // A guest paid cash at the desk, then cancelled in the review window.
    const { smallOption } = await artworkForSale()
    const { order, payment } = await placeGuestOrder(client, smallOption.id)
    const desk = actors.user(await UserFactory.apply('staff').create())
    await MarkPaymentReceived.handle(desk, payment, 'cash')
    assert.isTrue((await CancelOrder.handle(actors.anonymous(), order)).ok)
    const dropped = await OrderFactory.apply('inProduction').merge({ labsCancelledAt: DateTime.now() }).create()
    await EmailLog.create({ to: 'someone@example.com', subject: 'Receipt', status: 'failed', error: 'connect ECONNREFUSED' })

    const before = await attentionOf(client, admin)
    assert.include(before.text, 'Needs attention (4)')
    assert.include(before.text, `Payment plan failed ${flagged.sessionNumber} · Ada Rivera`)
    assert.include(before.html, `/admin/sessions/${flagged.id}`)
    assert.include(before.text, `Refund to give back ${order.orderNumber} · $61.63 to guest@example.com`)
    assert.include(before.html, `/admin/orders/${order.id}`)
    assert.include(before.text, `Labs cancelled ${dropped.orderNumber}`)
    assert.include(before.text, '1 email failed in the last 7 days')

    // The studio hands the cash back and records it; the family saves a new card.
    await payment.refresh()
    assert.isTrue((await RefundPayment.handle(desk, payment, { amount: payment.refundable, reason: 'Order cancelled', idempotencyKey: 'desk-refund' })).ok)
    flagged.paymentFlaggedAt = null
    await flagged.save()
    const after = await attentionOf(client, admin)
    assert.include(after.text, 'Needs attention (2)')
    assert.notInclude(after.text, order.orderNumber)
    assert.notInclude(after.text, flagged.sessionNumber)
    assert.include(after.text, dropped.orderNumber)
  })
})
