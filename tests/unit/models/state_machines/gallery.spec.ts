import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import StatusChange from '#models/status_change'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('Gallery state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two publishes of one draft: one wins, one history row', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    assert.equal(await raceTransition(Gallery, gallery.id, (row) => row.publish()), 1)
    assert.lengthOf(await StatusChange.of('Gallery', gallery.id), 1)
  })

  test('unpublish and expire of one live gallery: exactly one happens', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    const [a, b] = await Promise.all([Gallery.findOrFail(gallery.id), Gallery.findOrFail(gallery.id)])
    const results = await Promise.all([a.unpublish(), b.expire()])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('Gallery', gallery.id)
    assert.lengthOf(history, 1)
    assert.equal((await Gallery.findOrFail(gallery.id)).status, history[0].toStatus)
  })

  test('five extensions of one expired gallery from the same read: one reopens it', async ({ assert }) => {
    const gallery = await GalleryFactory.apply('expired').create()
    const until = DateTime.now().plus({ days: 10 })
    // Extending is also published → published, so later ones may extend again: what
    // matters is that exactly one made the expired → published move.
    await raceTransition(Gallery, gallery.id, (row) => row.extend(until), 5)
    const reopened = (await StatusChange.of('Gallery', gallery.id)).filter((change) => change.fromStatus === 'expired')
    assert.lengthOf(reopened, 1)
  })
})
