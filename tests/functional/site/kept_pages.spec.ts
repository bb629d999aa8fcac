import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AnalyticsEvent from '#models/analytics_event'
import { UserFactory } from '#database/factories/user_factory'
import { flushVisits } from '#services/analytics/analytics_buffer'
import { publicPageMemory } from '#support/http/public_page_memory'
import { artworkForSale } from '#tests/support/shop'
import { recordQueries } from '#tests/support/queries'

type Response = { header(name: string): string | undefined; text(): string }
const nonceOf = (response: Response) => response.header('content-security-policy')!.match(/'nonce-([^']+)'/)![1]
const selects = (sql: string[]) => sql.filter((statement) => /^\s*select/i.test(statement))

test.group('Site: anonymous visitors get a kept copy of a public page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // The suite renders every request (PUBLIC_PAGE_CACHE_SECONDS=0 in .env.test); these tests keep pages as production does.
  group.each.setup(() => {
    publicPageMemory.ttlMs = 60_000
    publicPageMemory.forget()
    return () => {
      publicPageMemory.ttlMs = 0
      publicPageMemory.forget()
    }
  })

  test('the next view is the kept copy, queried and rendered by nobody, with its own CSP nonce', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    const first = await client.get('/portfolio')
    first.assertStatus(200)
    first.assertTextIncludes('Electric Riff')

    // A change no model hears of (a raw UPDATE) is not seen while the copy is kept...
    await db.from('artworks').where('id', artwork.id).update({ title: 'Renamed Quietly' })
    const queries = recordQueries()
    const second = await client.get('/portfolio')
    queries.stop()
    second.assertStatus(200)
    second.assertTextIncludes('Electric Riff')
    assert.lengthOf(selects(queries.sql), 0)
    // ...yet it carries this response's nonce, the one its CSP header allows, not the first one's.
    assert.notEqual(nonceOf(second), nonceOf(first))
    assert.include(second.text(), `nonce="${nonceOf(second)}"`)
    assert.notInclude(second.text(), nonceOf(first))
    assert.equal(second.header('etag'), first.header('etag'))
    second.assertHeader('cache-control', 'public, max-age=300')
    assert.isUndefined(second.header('set-cookie'))
    const again = await client.get('/portfolio').header('If-None-Match', first.header('etag')!)
    again.assertStatus(304)

    // A model saved in this process drops every kept copy at once.
    artwork.title = 'Renamed Openly'
    await artwork.save()
    const third = await client.get('/portfolio')
    third.assertTextIncludes('Renamed Openly')
    assert.notEqual(third.header('etag'), first.header('etag'))
  })

  test('a state change (an artwork unpublished) drops the kept copies too', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    ;(await client.get(`/artworks/${artwork.slug}`)).assertStatus(200)
    ;(await client.get('/portfolio')).assertTextIncludes('Electric Riff')
    await artwork.unpublish()
    ;(await client.get(`/artworks/${artwork.slug}`)).assertStatus(404)
    const portfolio = await client.get('/portfolio')
    portfolio.assertStatus(200)
    assert.notInclude(portfolio.text(), 'Electric Riff')
  })

  test('a signed-in visitor never gets the kept copy, and never leaves theirs', async ({ client, assert }) => {
    await artworkForSale()
    const admin = await UserFactory.merge({ role: 'admin', firstName: 'Ada' }).create()
    const signedIn = await client.get('/portfolio').loginAs(admin)
    signedIn.assertHeader('cache-control', 'private, no-cache')
    const anonymous = await client.get('/portfolio')
    assert.notInclude(anonymous.text(), 'Sign out')
    const signedInAgain = await client.get('/portfolio').loginAs(admin)
    signedInAgain.assertTextIncludes('Sign out')
  })

  test('each view of a kept page is still counted once in the analytics', async ({ client, assert }) => {
    await flushVisits()
    await AnalyticsEvent.query().delete()
    const { artwork } = await artworkForSale()
    for (let view = 0; view < 3; view++) (await client.get(`/artworks/${artwork.slug}`).header('user-agent', 'Test browser')).assertStatus(200)
    assert.equal(await flushVisits(), 3)
    const events = await AnalyticsEvent.query().where('name', 'artwork_view')
    assert.lengthOf(events, 3)
    assert.isTrue(events.every((event) => event.subjectId === artwork.id))
  })
})
