import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'
import BookSession from '#actions/booking/book_session'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'
import type Package from '#models/package'

async function booked(pkg: Package, startsAt: DateTime) {
  const { family, children } = await familyWith(1)
  const draft = await readyDraft(family, pkg, startsAt, { childIds: [children[0].id] })
  const result = await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 10_000 })
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`)
  return result.session
}

test.group('Studio calendar: sessions whose payment plan failed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a flagged session shows "Payment failed" in the day, week and month views; the others do not', async ({ client, assert }) => {
    const { pkg } = await bookableStudio({ capacity: 2 })
    const admin = await UserFactory.apply('admin').create()
    const flagged = await booked(pkg, at(3, '10:00'))
    const fine = await booked(pkg, at(3, '14:00'))
    await PhotoSession.query().where('id', flagged.id).update({ payment_flagged_at: DateTime.now().toSQL({ includeOffset: false }) })
    const date = at(3, '00:00').toISODate()!

    for (const view of ['day', 'week', 'month']) {
      const page = await client.get('/admin/calendar').qs({ view, date }).loginAs(admin)
      page.assertStatus(200)
      const html = page.text()
      assert.equal(html.match(/data-payment-flag/g)?.length, 1, view)
      const flaggedLink = html.match(new RegExp(`<a[^>]*cal-session--flagged[^>]*href="[^"]*${flagged.id}"`))
      assert.isNotNull(flaggedLink, `${view}: the flagged session is marked`)
      assert.isNull(html.match(new RegExp(`<a[^>]*cal-session--flagged[^>]*href="[^"]*${fine.id}"`)), `${view}: the other is not`)
      assert.include(html, `${flagged.sessionNumber} · booked · payment plan failed`)
    }
  })
})
