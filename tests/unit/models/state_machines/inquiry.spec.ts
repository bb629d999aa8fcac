import { test } from '@japa/runner'
import Inquiry from '#models/inquiry'
import StatusChange from '#models/status_change'
import { InquiryFactory } from '#database/factories/inquiry_factory'
import { UserFactory } from '#database/factories/user_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Inquiry state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two staff convert one inquiry into two accounts: one wins, one history row', async ({ assert }) => {
    const inquiry = await InquiryFactory.apply('contacted').create()
    const [first, second] = await UserFactory.createMany(2)
    const [a, b] = await Promise.all([Inquiry.findOrFail(inquiry.id), Inquiry.findOrFail(inquiry.id)])
    const results = await Promise.all([a.convert(first), b.convert(second)])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Inquiry', inquiry.id), 1)
    assert.equal((await Inquiry.findOrFail(inquiry.id)).userId, results[0] ? first.id : second.id)
  })

  test('three staff mark one new inquiry contacted: one wins', async ({ assert }) => {
    const inquiry = await InquiryFactory.create()
    assert.equal(await raceTransition(Inquiry, inquiry.id, (row) => row.markContacted(), 3), 1)
    assert.lengthOf(await StatusChange.of('Inquiry', inquiry.id), 1)
  })
})
