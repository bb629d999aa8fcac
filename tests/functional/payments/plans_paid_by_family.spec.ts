import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import PhotoSession from '#models/photo_session'
import RunBilling from '#actions/billing/run_billing'
import { useGateway } from '#services/payments/gateway'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import { noonOn } from '#tests/support/billing'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { startLocalPaypal, paypalGatewayFor } from '#tests/support/paypal'

/** A 3-payment plan booked while the studio takes payments at the desk (no gateway configured). */
async function planPaidAtStudio(client: any) {
  const { pkg } = await bookableStudio()
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, at(30, '10:00'), { childIds: [children[0].id], paymentOption: '3_pay' })
  ;(await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)).assertStatus(303)
  const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
  const plan = await PaymentPlan.query().where('photo_session_id', session.id).preload('installments').firstOrFail()
  return { family, session, plan, installments: plan.installments }
}

test.group('Plans when the gateway cannot charge a saved card', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pay at the studio: the heads-up asks the family to pay by the date, and the run charges and fails nothing', async ({ client, assert }) => {
    const { family, plan, installments } = await planPaidAtStudio(client)
    const [first] = installments

    const early = await RunBilling.handle({ now: noonOn(first.dueOn.minus({ days: 2 })) })
    assert.include(early, { headsUps: 1, due: 0 })
    const headsUp = lastDeliveredTo(family.email!)
    assert.match(headsUp.subject, /^\$100\.00 is due on /)
    assert.include(headsUp.text!, 'Pay it at the studio, or online from your payments page.')
    assert.notInclude(headsUp.text!, 'saved card')
    assert.equal(linkIn(headsUp, '/portal/payments'), '/portal/payments')

    const run = await RunBilling.handle({ now: noonOn(first.dueOn) })
    assert.include(run, { due: 1, charged: 0, failed: 0, unknown: 0, leftToFamily: 1 })
    await first.refresh()
    assert.equal(first.status, 'scheduled')
    assert.equal(first.attempts, 0)
    assert.lengthOf(await Payment.query().where('payment_type', 'plan_payment'), 0)
    await plan.refresh()
    assert.equal(plan.status, 'active')
  })

  test('the payments page offers "Update card" only when the gateway keeps cards', async ({ client, assert }) => {
    const { family } = await planPaidAtStudio(client)
    const offline = await client.get('/portal/payments').loginAs(family)
    offline.assertTextIncludes('Pay the balance early')
    assert.notInclude(offline.text(), 'Update card')

    const paypal = await startLocalPaypal({ webhooks: false })
    useGateway(paypalGatewayFor(paypal))
    try {
      const page = await client.get('/portal/payments').loginAs(family)
      page.assertTextIncludes('Pay the balance early')
      assert.notInclude(page.text(), 'Update card')
    } finally {
      useGateway(null)
      await paypal.stop()
    }
  })
})
