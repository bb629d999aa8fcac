import { test } from '@japa/runner'
import Page from '#models/page'
import StatusChange from '#models/status_change'
import { PageFactory } from '#database/factories/page_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Page state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two admins take one page down: one wins, one history row', async ({ assert }) => {
    const row = await PageFactory.apply('published').create()
    assert.equal(await raceTransition(Page, row.id, (copy) => copy.unpublish()), 1)
    assert.lengthOf(await StatusChange.of('Page', row.id), 1)
  })
})
