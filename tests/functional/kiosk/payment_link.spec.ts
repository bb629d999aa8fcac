import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { randomUUID } from 'node:crypto'
import { appUrl } from '#config/app'
import EmailLog from '#models/email_log'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/user_factory'
import { balancePaymentUrl } from '#actions/kiosk/send_payment_link'
import { actors } from '#support/actor'
import { resetRateLimits } from '#tests/support/throttle'
import { KIOSK_COOKIE, pairedTablet, staffWithPin, todaysSession } from '#tests/support/kiosk'

test.group('Kiosk: pay-by-link and arrivals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the desk emails a signed link and the family pays the balance through it, once', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const card = await client.get(`/kiosk/sessions/${session.id}`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    card.assertTextIncludes('Email a payment link instead')
    const sent = await client.post(`/kiosk/sessions/${session.id}/payment-links`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    sent.assertStatus(303)
    assert.match(String(sent.flashMessages().success), /^Payment link emailed to /)
    const [mail] = await EmailLog.query().where('subject', `Pay your balance of $300.00 for ${session.sessionNumber}`)
    assert.exists(mail)

    const path = balancePaymentUrl(session).slice(appUrl.length)
    const page = await client.get(path)
    page.assertStatus(200)
    page.assertTextIncludes('Pay $300.00')
    ;(await client.get(`/sessions/${session.id}/balance-payment`)).assertStatus(403)
    ;(await client.get(path.replace('signature=', 'signature=x'))).assertStatus(403)

    const key = randomUUID()
    const pay = () => client.post(path).form({ idempotencyKey: key }).withCsrfToken()
    const first = await pay()
    first.assertStatus(200)
    first.assertTextIncludes('can be paid at the front desk')
    ;(await pay()).assertStatus(200)
    const payments = await Payment.query().where('photo_session_id', session.id).where('payment_type', 'balance')
    assert.lengthOf(payments, 1)
    assert.equal(payments[0].amount, 30_000)
    assert.equal(payments[0].status, 'pending')
  })

  test('a family without email gets no link; a paid session has nothing to send', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    const paid = await todaysSession('10:00', { first: 'Sam', last: 'Okafor' }, ['Ada'], { balanceDue: 0 })
    const response = await client.post(`/kiosk/sessions/${paid.id}/payment-links`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    assert.equal(response.flashMessages().error, 'Nothing is due on this session.')
    assert.lengthOf(await EmailLog.query().where('subject', 'like', 'Pay your balance%'), 0)
  })

  test("the photographer's dashboard shows a checked-in family as arrived", async ({ client, assert }) => {
    const photographer = await UserFactory.apply('photographer').create()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'], { photographerId: photographer.id })
    const before = await client.get('/photographer').loginAs(photographer)
    before.assertStatus(200)
    before.assertTextIncludes('Maya Rivera')
    assert.notInclude(before.text(), 'Arrived')
    await session.checkIn({ actor: actors.system('test') })
    const after = await client.get('/photographer').loginAs(photographer)
    after.assertTextIncludes('Arrived')
  })
})
