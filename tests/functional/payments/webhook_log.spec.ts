import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import EmailLog from '#models/email_log'
import AuditLog from '#models/audit_log'
import { PaymentFactory } from '#database/factories/payment_factory'
import { UserFactory } from '#database/factories/user_factory'

/** A PayPal capture event stored as failed (say, the database was down when it came). */
async function failedCapture() {
  const payment = await PaymentFactory.merge({ provider: 'paypal', providerPaymentId: 'ORDER-LOG-1', amount: 10_000 }).create()
  const event = await WebhookEvent.create({
    provider: 'paypal',
    eventId: `WH-EVT-${randomUUID()}`,
    type: 'PAYMENT.CAPTURE.COMPLETED',
    payload: {
      event_type: 'PAYMENT.CAPTURE.COMPLETED',
      resource: { id: 'CAPTURE-LOG-1', status: 'COMPLETED', custom_id: payment.id, supplementary_data: { related_ids: { order_id: 'ORDER-LOG-1' } } },
    },
    status: 'failed',
    attempts: 1,
    error: 'connect ECONNREFUSED 127.0.0.1:5432',
    receivedAt: DateTime.now().minus({ minutes: 5 }),
  })
  return { payment, event }
}

test.group('Admin webhook log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin lists events by gateway and status and reads one with its payload and error', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { event } = await failedCapture()
    await WebhookEvent.create({ provider: 'stripe', eventId: 'evt_log_ok', type: 'checkout.session.completed', payload: { id: 'evt_log_ok' }, status: 'processed', attempts: 1, receivedAt: DateTime.now() })

    const failed = await client.get('/admin/webhooks?status=failed').loginAs(admin)
    failed.assertStatus(200)
    failed.assertTextIncludes('PAYMENT.CAPTURE.COMPLETED')
    failed.assertTextIncludes('connect ECONNREFUSED 127.0.0.1:5432')
    assert.notInclude(failed.text(), 'checkout.session.completed')
    const stripeOnly = await client.get('/admin/webhooks?provider=stripe').loginAs(admin)
    stripeOnly.assertTextIncludes('checkout.session.completed')
    assert.notInclude(stripeOnly.text(), 'PAYMENT.CAPTURE.COMPLETED')

    const page = await client.get(`/admin/webhooks/${event.id}`).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes(event.eventId)
    page.assertTextIncludes('&quot;custom_id&quot;')
    page.assertTextIncludes('Replay event')
  })

  test('Replay settles the payment a failed event was about, once; replaying it again changes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment, event } = await failedCapture()
    const replay = () => client.post(`/admin/webhooks/${event.id}/replay`).loginAs(admin).withCsrfToken().redirects(0)

    const first = await replay()
    first.assertStatus(303)
    assert.equal(first.flashMessages().success, 'Replayed: the event is now processed.')
    await event.refresh()
    assert.equal(event.status, 'processed')
    assert.equal(event.attempts, 2)
    assert.isNull(event.error)
    const settled = await Payment.findOrFail(payment.id)
    assert.equal(settled.status, 'succeeded')
    assert.equal(settled.providerChargeId, 'CAPTURE-LOG-1')
    const audit = await AuditLog.query().where('action', 'webhook_event.replayed').firstOrFail()
    assert.equal(audit.actorId, admin.id)

    const again = await replay()
    assert.equal(again.flashMessages().error, 'This event was already processed: replaying it would change nothing.')
    await event.refresh()
    assert.equal(event.attempts, 2)
    const family = await settled.related('user').query().firstOrFail()
    assert.lengthOf(await EmailLog.query().where('to', family.email!).where('subject', 'like', 'Receipt:%'), 1)
  })

  test('staff and photographers can neither read the log nor replay; nothing changes', async ({ client, assert }) => {
    const { payment, event } = await failedCapture()
    for (const role of ['staff', 'photographer'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/admin/webhooks').loginAs(user)).assertStatus(403)
      ;(await client.get(`/admin/webhooks/${event.id}`).loginAs(user)).assertStatus(403)
      ;(await client.post(`/admin/webhooks/${event.id}/replay`).loginAs(user).withCsrfToken().redirects(0)).assertStatus(403)
    }
    await event.refresh()
    assert.equal(event.status, 'failed')
    assert.equal(event.attempts, 1)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'pending')
  })
})
