import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import BookingDraft from '#models/booking_draft'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import SessionChild from '#models/session_child'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import EmailLog from '#models/email_log'
import SessionBookedNotification from '#mails/session_booked_notification'
import { at, bookableStudio, familyWith, slotValue, STUDIO_ZONE } from '#tests/support/booking'

test.group('Booking flow: a family books step by step', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('package, two children, a time, notes, a 3-payment plan, review, confirm', async ({ client, assert }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 2 })
    const { family, children } = await familyWith(2)
    const startsAt = at(40, '10:00')

    const start = await client.post('/book').form({ packageId: pkg.id }).loginAs(family).withCsrfToken().redirects(0)
    start.assertStatus(303)
    const draft = await BookingDraft.query().where('user_id', family.id).firstOrFail()
    start.assertHeader('location', `/book/${draft.id}/children`)

    const childrenPage = await client.get(`/book/${draft.id}/children`).loginAs(family)
    childrenPage.assertStatus(200)
    childrenPage.assertTextIncludes(children[0].fullName)
    childrenPage.assertTextIncludes('Step 2 of 6')
    const chosen = await client
      .put(`/book/${draft.id}/children`)
      .form({ 'childIds[]': children.map((c) => c.id) })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    chosen.assertHeader('location', `/book/${draft.id}/time`)

    const month = startsAt.toFormat('yyyy-MM')
    const timePage = await client.get(`/book/${draft.id}/time`).qs({ date: startsAt.toISODate()! }).loginAs(family)
    timePage.assertStatus(200)
    timePage.assertTextIncludes('10:00 AM')
    timePage.assertTextIncludes(`value="${slotValue(startsAt)}"`)
    timePage.assertTextIncludes('Any photographer')
    const monthFragment = await client.get(`/book/${draft.id}/time`).qs({ month }).header('hx-request', 'true').loginAs(family)
    monthFragment.assertTextIncludes(startsAt.toFormat('LLLL yyyy'))

    const timed = await client
      .put(`/book/${draft.id}/time`)
      .form({ startsAt: slotValue(startsAt), photographer: photographers[1].id })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    timed.assertHeader('location', `/book/${draft.id}/notes`)

    const noted = await client
      .put(`/book/${draft.id}/notes`)
      .form({ specialRequests: 'Grandma is coming', [`stylingRequests[${children[0].id}]`]: 'Spiky hair, leather jacket' })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    noted.assertHeader('location', `/book/${draft.id}/payment`)

    const paymentPage = await client.get(`/book/${draft.id}/payment`).loginAs(family)
    paymentPage.assertTextIncludes('$400.00')
    paymentPage.assertTextIncludes('$100.00 now')
    paymentPage.assertTextIncludes('$300.00 at or before the session')
    paymentPage.assertTextIncludes('3 payments after the deposit')
    const paid = await client.put(`/book/${draft.id}/payment`).form({ paymentOption: '3_pay' }).loginAs(family).withCsrfToken().redirects(0)
    paid.assertHeader('location', `/book/${draft.id}`)

    const review = await client.get(`/book/${draft.id}`).loginAs(family)
    review.assertStatus(200)
    review.assertTextIncludes('Check and confirm')
    review.assertTextIncludes(startsAt.toFormat("cccc, LLLL d 'at' h:mm a"))
    review.assertTextIncludes('$100.00')
    review.assertTextIncludes('name="total" value="40000"')

    const { mails } = mail.fake()
    try {
      const confirmed = await client
        .post(`/book/${draft.id}/confirmation`)
        .form({ total: 40000, dueNow: 10000 })
        .loginAs(family)
        .withCsrfToken()
        .redirects(0)
      const session = await PhotoSession.query().where('user_id', family.id).firstOrFail()
      confirmed.assertStatus(303)
      confirmed.assertHeader('location', `/portal/sessions/${session.id}`)
      confirmed.assertFlashMessage('success', `You're booked! Session ${session.sessionNumber} is confirmed by email.`)

      assert.match(session.sessionNumber, new RegExp(`^S-${new Date().getFullYear()}-\\d{6}$`))
      assert.equal(session.status, 'booked')
      assert.equal(session.startsAt.toMillis(), startsAt.toMillis())
      assert.equal(session.photographerId, photographers[1].id)
      assert.equal(session.totalAmount, 40_000)
      assert.equal(session.depositAmount, 10_000)
      assert.equal(session.balanceDue, 40_000)
      assert.equal(session.specialRequests, 'Grandma is coming')
      assert.match(session.checkInToken!, /^[\w-]{43}$/)

      const events = await SessionEvent.query().where('photo_session_id', session.id)
      assert.lengthOf(events, 1)
      assert.isNull(events[0].fromStatus)
      assert.equal(events[0].toStatus, 'booked')
      assert.equal(events[0].actorId, family.id)

      const links = await SessionChild.query().where('photo_session_id', session.id).orderBy('primary_child', 'desc')
      assert.sameMembers(links.map((l) => l.childId), children.map((c) => c.id))
      assert.equal(links.find((l) => l.childId === children[0].id)!.stylingRequests, 'Spiky hair, leather jacket')

      const deposit = await Payment.query().where('photo_session_id', session.id).firstOrFail()
      assert.deepInclude(deposit.serialize(), { amount: 10_000, status: 'pending', provider: 'offline', method: 'in_studio', paymentType: 'deposit' })
      assert.equal(deposit.idempotencyKey, `booking:${draft.id}:deposit`)

      const plan = await PaymentPlan.query().where('photo_session_id', session.id).preload('installments').firstOrFail()
      assert.equal(plan.planType, '3_pay')
      assert.equal(plan.installments.reduce((sum, row) => sum + row.amount, 0), 30_000)
      assert.deepEqual(plan.installments.map((row) => row.amount), [10_000, 10_000, 10_000])
      const lastDue = plan.installments[2].dueOn
      assert.isAtLeast(startsAt.startOf('day').diff(lastDue.setZone(STUDIO_ZONE, { keepLocalTime: true }).startOf('day'), 'days').days, 7)

      assert.equal((await draft.refresh()).photoSessionId, session.id)

      const log = await EmailLog.query().where('to', family.email!).where('templateKey', 'emails/session/booked').firstOrFail()
      assert.include(log.subject, "You're booked")
      assert.include(log.text!, session.sessionNumber)
      assert.include(log.text!, 'Installment 3 of 3: $100.00')
      assert.notInclude(log.text!, session.checkInToken!)
      const sent = mails.sent((sentMail) => sentMail instanceof SessionBookedNotification)
      assert.lengthOf(sent, 1)
      const attachments = (sent[0].message.toJSON().message.attachments ?? []) as any[]
      const ics = attachments.find((a) => a.filename === `${session.sessionNumber}.ics`)
      assert.exists(ics)
      const invitation = Buffer.from(ics.content, 'base64').toString('utf8')
      assert.include(invitation, `DTSTART:${startsAt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`)
      assert.include(invitation, `UID:${session.id}@loupe`)
      assert.include(invitation, 'METHOD:REQUEST')
      assert.exists(attachments.find((a) => a.cid === 'check-in-qr' && a.contentType === 'image/png'))

      const page = await client.get(`/portal/sessions/${session.id}`).loginAs(family)
      page.assertTextIncludes(session.sessionNumber)
      page.assertTextIncludes('Add to calendar')
      page.assertTextIncludes('To pay at the studio')
      page.assertTextIncludes('<svg')

      const ics2 = await client.get(`/portal/sessions/${session.id}/calendar`).loginAs(family)
      ics2.assertHeader('content-type', 'text/calendar; charset=utf-8')
      assert.include(ics2.text(), 'BEGIN:VEVENT')
    } finally {
      mail.restore()
    }
  })

  test('confirming twice books once', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const start = await client.post('/book').form({ packageId: pkg.id }).loginAs(family).withCsrfToken().redirects(0)
    const draft = await BookingDraft.query().where('user_id', family.id).firstOrFail()
    start.assertStatus(303)
    await client.put(`/book/${draft.id}/children`).form({ 'childIds[]': [children[0].id] }).loginAs(family).withCsrfToken()
    await client.put(`/book/${draft.id}/time`).form({ startsAt: slotValue(at(5, '11:00')) }).loginAs(family).withCsrfToken()
    await client.put(`/book/${draft.id}/payment`).form({ paymentOption: 'full' }).loginAs(family).withCsrfToken()
    for (let i = 0; i < 2; i++) {
      const response = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 40000 }).loginAs(family).withCsrfToken().redirects(0)
      response.assertStatus(303)
    }
    assert.lengthOf(await PhotoSession.query().where('user_id', family.id), 1)
    const payments = await Payment.query().where('user_id', family.id)
    assert.lengthOf(payments, 1)
    assert.equal(payments[0].amount, 40_000)
    assert.equal(payments[0].paymentType, 'balance')
    assert.lengthOf(await EmailLog.query().where('to', family.email!), 1)
  })
})
