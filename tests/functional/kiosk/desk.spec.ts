import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import PhotoSession from '#models/photo_session'
import SessionChild from '#models/session_child'
import EmailLog from '#models/email_log'
import { resetRateLimits } from '#tests/support/throttle'
import { KIOSK_COOKIE, pairedTablet, staffWithPin, todaysSession } from '#tests/support/kiosk'
import { UserFactory } from '#database/factories/user_factory'

test.group('Kiosk: at the desk', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the balance is taken at the desk through the offline gateway, once, with a receipt emailed', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    // The deposit paid online at booking.
    await Payment.create({ userId: session.userId, photoSessionId: session.id, amount: 10_000, currency: 'USD', paymentType: 'deposit', method: 'card', provider: 'offline', idempotencyKey: `deposit:${session.id}`, status: 'succeeded', refundAmount: 0 })
    const card = await client.get(`/kiosk/sessions/${session.id}`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    card.assertStatus(200)
    card.assertTextIncludes('Balance due $300.00')

    const key = randomUUID()
    const pay = () =>
      client.post(`/kiosk/sessions/${session.id}/desk-payments`).form({ amount: '300.00', method: 'cash', idempotencyKey: key }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    const first = await pay()
    first.assertStatus(303)
    assert.equal(first.flashMessages().success, '$300.00 received by cash; the receipt is emailed.')
    ;(await pay()).assertStatus(303)

    const payments = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'balance')
    assert.lengthOf(payments, 1)
    assert.equal(payments[0].amount, 30_000)
    assert.equal(payments[0].provider, 'offline')
    assert.equal(payments[0].status, 'succeeded')
    assert.equal(payments[0].receivedBy, staff.id)
    assert.equal((await PhotoSession.findOrFail(session.id)).balanceDue, 0)
    const receipts = await EmailLog.query().where('subject', `Receipt: $300.00 for ${session.sessionNumber}`)
    assert.lengthOf(receipts, 1)
  })

  test('a payment above the balance, or bad input, is refused with a message and writes nothing', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const tooMuch = await client.post(`/kiosk/sessions/${session.id}/desk-payments`).form({ amount: '500', method: 'card', idempotencyKey: randomUUID() }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    assert.deepEqual((tooMuch.flashMessages().inputErrorsBag as Record<string, string[]>).amount, ['That is more than the balance due.'])
    const json = await client.post(`/kiosk/sessions/${session.id}/desk-payments`).json({ amount: 'lots', method: 'cheque', idempotencyKey: 'x' }).accept('json').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
    json.assertStatus(422)
    assert.lengthOf(await Payment.query().where('photo_session_id', session.id), 0)
  })

  test('the session card ticks styling per child and moves the shoot along', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const [child] = await SessionChild.query().where('photo_session_id', session.id)
    ;(await client.post(`/kiosk/sessions/${session.id}/children/${child.childId}/styling`).form({ done: 'true' }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)).assertStatus(303)
    assert.isTrue((await SessionChild.findOrFail(child.id)).completedStyling)

    await session.checkIn()
    for (const to of ['in_progress', 'completed']) {
      ;(await client.post(`/kiosk/sessions/${session.id}/statuses`).form({ to }).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)).assertStatus(303)
    }
    assert.equal((await PhotoSession.findOrFail(session.id)).status, 'completed')
    const card = await client.get(`/kiosk/sessions/${session.id}`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    card.assertTextIncludes('✓ Styling done')
    card.assertTextIncludes('Completed')
  })
})

test.group('Front desk home', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("front-desk staff see today's sessions with balances and what needs attention; families cannot open it", async ({ client, assert }) => {
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo', 'Zoe'], { specialRequests: 'Leo is shy with flash' })

    const page = await client.get('/studio').loginAs(staff)
    page.assertStatus(200)
    for (const text of ['Maya Rivera', 'Leo, Zoe', session.sessionNumber, '$300.00', 'Leo is shy with flash', 'Orders to pack']) {
      assert.include(page.text(), text)
    }
    const family = await UserFactory.create()
    ;(await client.get('/studio').loginAs(family)).assertStatus(403)
  })
})
