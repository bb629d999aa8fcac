import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import BookingDraft from '#models/booking_draft'
import { at, bookableStudio, familyWith, slotValue } from '#tests/support/booking'

test.group('Booking: the package pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the package page shows free days and times; a time picked there is kept through the booking', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const day = at(6, '00:00')
    const month = await client.get(`/packages/${pkg.slug}/availability`).qs({ date: day.toISODate()! }).header('hx-request', 'true')
    month.assertStatus(200)
    assert.notInclude(month.text(), '<html')
    const link = `/book?package=${pkg.id}&amp;startsAt=${encodeURIComponent(slotValue(at(6, '11:00')))}`
    assert.include(month.text(), link)

    const { family } = await familyWith(1)
    const pick = await client.get(link.replace('&amp;', '&')).loginAs(family)
    pick.assertTextIncludes(at(6, '11:00').toFormat("cccc, LLLL d 'at' h:mm a"))
    await client.post('/book').form({ packageId: pkg.id, startsAt: slotValue(at(6, '11:00')) }).loginAs(family).withCsrfToken()
    const draft = await BookingDraft.query().where('user_id', family.id).firstOrFail()
    assert.equal(draft.startsAt!.toMillis(), at(6, '11:00').toMillis())
  })

  test('unknown and retired packages are not found', async ({ client }) => {
    await bookableStudio()
    ;(await client.get('/packages/nope')).assertStatus(404)
    ;(await client.get('/packages/nope/availability')).assertStatus(404)
  })
})
