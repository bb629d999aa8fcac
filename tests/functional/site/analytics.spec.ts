import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AnalyticsEvent from '#models/analytics_event'
import { flushVisits, visitorHash } from '#services/analytics/analytics_buffer'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart } from '#tests/support/checkout'

test.group('Site: analytics events', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // Other files' page views may still be queued, or were flushed by the timer after their
  // test: start each test from an empty table (inside its transaction).
  group.each.setup(async () => {
    await flushVisits()
    await AnalyticsEvent.query().delete()
  })

  test('page and artwork views and add-to-cart are recorded in one batch, with a daily visitor hash and no IP', async ({ client, assert }) => {
    const { artwork, smallOption } = await artworkForSale()
    await client.get('/portfolio').header('user-agent', 'Test browser').header('x-forwarded-for', '203.0.113.7')
    await client.get(`/artworks/${artwork.slug}`).header('user-agent', 'Test browser')
    await addToGuestCart(client, smallOption.id, 1)
    assert.lengthOf(await AnalyticsEvent.all(), 0)
    assert.equal(await flushVisits(), 3)

    const events = await AnalyticsEvent.query().orderBy('created_at')
    assert.sameMembers(events.map((e) => e.name), ['page_view', 'artwork_view', 'add_to_cart'])
    const view = events.find((e) => e.name === 'artwork_view')!
    assert.equal(view.subjectId, artwork.id)
    assert.match(view.visitorHash, /^[0-9a-f]{64}$/)
    assert.notEqual(visitorHash('127.0.0.1', 'Test browser', '2026-01-01'), visitorHash('127.0.0.1', 'Test browser', '2026-01-02'))
    const stored = JSON.stringify(events.map((e) => e.serialize()))
    assert.notInclude(stored, '127.0.0.1')
    assert.notInclude(stored, '203.0.113.7')
  })

  test('Do-Not-Track and Global Privacy Control are honoured', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    await client.get(`/artworks/${artwork.slug}`).header('dnt', '1')
    await client.get('/portfolio').header('sec-gpc', '1')
    assert.equal(await flushVisits(), 0)
    assert.lengthOf(await AnalyticsEvent.all(), 0)
  })
})
