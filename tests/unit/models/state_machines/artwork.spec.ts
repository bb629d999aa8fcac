import { test } from '@japa/runner'
import Artwork from '#models/artwork'
import StatusChange from '#models/status_change'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Artwork state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two admins publish one draft artwork: one wins, one history row', async ({ assert }) => {
    const row = await ArtworkFactory.create()
    assert.equal(await raceTransition(Artwork, row.id, (copy) => copy.publish()), 1)
    assert.lengthOf(await StatusChange.of('Artwork', row.id), 1)
  })
})
