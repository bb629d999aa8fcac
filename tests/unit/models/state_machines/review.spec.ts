import { test } from '@japa/runner'
import Review from '#models/review'
import StatusChange from '#models/status_change'
import { ReviewFactory } from '#database/factories/review_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Review state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two moderators hide one review: one wins, one history row', async ({ assert }) => {
    const row = await ReviewFactory.with('user').create()
    assert.equal(await raceTransition(Review, row.id, (copy) => copy.hide()), 1)
    assert.lengthOf(await StatusChange.of('Review', row.id), 1)
  })
})
