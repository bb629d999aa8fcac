import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import BookingDraft from '#models/booking_draft'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import SessionChild from '#models/session_child'
import { PackageFactory } from '#database/factories/package_factory'
import { at, bookableStudio, familyWith, readyDraft, slotValue } from '#tests/support/booking'

async function countsOf(familyId: string) {
  return {
    sessions: (await PhotoSession.query().where('user_id', familyId)).length,
    payments: (await Payment.query().where('user_id', familyId)).length,
    children: (await SessionChild.all()).length,
  }
}

test.group('Booking: bad input gets a message by the field and writes nothing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('times in the past, outside the hours, off the grid, on a blackout day, or malformed', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(3, '10:00'), { childIds: [children[0].id], paymentOption: null })
    const BlackoutDate = (await import('#models/blackout_date')).default
    await BlackoutDate.create({ date: at(9, '00:00').startOf('day'), reason: 'Staff training', photographerId: null })

    const cases: [string, string][] = [
      [slotValue(at(-1, '10:00')), 'That time has passed: choose a later one'],
      [slotValue(at(4, '07:00')), 'Choose one of the listed times'],
      [slotValue(at(4, '16:30')), 'Choose one of the listed times'],
      [slotValue(at(4, '10:10')), 'Choose one of the listed times'],
      [slotValue(at(9, '10:00')), 'The studio is closed that day'],
      [slotValue(at(90, '10:00')), 'Bookings are not open that far ahead yet'],
      ['next tuesday', 'Choose one of the listed times'],
    ]
    for (const [startsAt, message] of cases) {
      const response = await client.put(`/book/${draft.id}/time`).form({ startsAt }).loginAs(family).withCsrfToken().redirects(0)
      response.assertValidationError('startsAt', message)
    }
    const unchanged = await draft.refresh()
    assert.equal(unchanged.startsAt!.toMillis(), at(3, '10:00').toMillis())
  })

  test('more children than the package allows, someone else’s child, a malformed id', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(3)
    const { children: others } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(3, '10:00'), { childIds: [children[0].id] })

    const tooMany = await client.put(`/book/${draft.id}/children`).form({ 'childIds[]': children.map((c) => c.id) }).loginAs(family).withCsrfToken().redirects(0)
    tooMany.assertValidationError('childIds', 'This package is for at most 2 children')
    const notTheirs = await client.put(`/book/${draft.id}/children`).form({ 'childIds[]': [children[0].id, others[0].id] }).loginAs(family).withCsrfToken().redirects(0)
    notTheirs.assertValidationError('childIds', 'Choose among your own children')
    const none = await client.put(`/book/${draft.id}/children`).form({}).loginAs(family).withCsrfToken().redirects(0)
    none.assertValidationError('childIds', 'Choose at least one child')
    const malformed = await client.put(`/book/${draft.id}/children`).form({ 'childIds[]': ['1 or 1=1'] }).loginAs(family).withCsrfToken().redirects(0)
    malformed.assertValidationError('childIds.0', 'Choose one of your children')
    assert.deepEqual((await draft.refresh()).details.childIds, [children[0].id])

    // An archived child cannot be booked either.
    await children[1].softDelete()
    const archived = await client.put(`/book/${draft.id}/children`).form({ 'childIds[]': [children[1].id] }).loginAs(family).withCsrfToken().redirects(0)
    archived.assertValidationError('childIds', 'Choose among your own children')
  })

  test('a tampered or inactive package, a tampered amount, a plan too close to the session', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const inactive = await PackageFactory.apply('inactive').create()

    const unknown = await client.post('/book').form({ packageId: '00000000-0000-4000-8000-000000000000' }).loginAs(family).withCsrfToken().redirects(0)
    unknown.assertFlashMessage('error', 'That package is not available any more: choose another one.')
    const retired = await client.post('/book').form({ packageId: inactive.id }).loginAs(family).withCsrfToken().redirects(0)
    retired.assertFlashMessage('error', 'That package is not available any more: choose another one.')
    const garbage = await client.post('/book').form({ packageId: 'basic" OR 1=1' }).loginAs(family).withCsrfToken().redirects(0)
    garbage.assertValidationError('packageId', 'Choose one of the packages')
    assert.lengthOf(await BookingDraft.all(), 0)

    const draft = await readyDraft(family, pkg, at(3, '10:00'), { childIds: [children[0].id], paymentOption: 'deposit' })
    const cheaper = await client.post(`/book/${draft.id}/confirmation`).form({ total: 100, dueNow: 25 }).loginAs(family).withCsrfToken().redirects(0)
    cheaper.assertValidationError('total', 'The price is now $400.00 ($100.00 due now): check the summary and confirm again.')
    const noAmounts = await client.post(`/book/${draft.id}/confirmation`).form({}).loginAs(family).withCsrfToken().redirects(0)
    noAmounts.assertValidationError('total', 'The price is missing: reload the page')
    assert.deepEqual(await countsOf(family.id), { sessions: 0, payments: 0, children: 0 })

    const plan = await client.put(`/book/${draft.id}/payment`).form({ paymentOption: '4_pay' }).loginAs(family).withCsrfToken().redirects(0)
    plan.assertValidationError('paymentOption', 'Needs the session at least 11 days away.')
    const made_up = await client.put(`/book/${draft.id}/payment`).form({ paymentOption: '12_pay' }).loginAs(family).withCsrfToken().redirects(0)
    made_up.assertValidationError('paymentOption', 'Choose one of the ways to pay')
  })

  test('another family’s draft, and a guest without an account, cannot confirm', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const { family: stranger } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(3, '10:00'), { childIds: [children[0].id] })

    const theirs = await client.get(`/book/${draft.id}`).loginAs(stranger)
    theirs.assertStatus(404)
    const stolen = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(stranger).withCsrfToken()
    stolen.assertStatus(404)
    const guest = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).withCsrfToken()
    guest.assertStatus(404)
    assert.deepEqual(await countsOf(family.id), { sessions: 0, payments: 0, children: 0 })
  })
})
