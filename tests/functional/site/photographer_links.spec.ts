import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { PhotographerProfileFactory } from '#database/factories/photographer_profile_factory'
import { artworkForSale } from '#tests/support/shop'

test.group('Site: photographer pages are linked and listed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an artwork page links its photographer page, and sitemap.xml lists it', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    const profile = await PhotographerProfileFactory.merge({ displayName: 'Mara Voss', slug: 'mara-voss' }).create()
    await artwork.merge({ photographerId: profile.userId }).save()

    const page = await client.get(`/artworks/${artwork.slug}`)
    page.assertStatus(200)
    assert.include(page.text(), 'href="/photographers/mara-voss">Mara Voss</a>')
    ;(await client.get('/photographers/mara-voss')).assertTextIncludes('Mara Voss')

    const sitemap = await client.get('/sitemap.xml')
    assert.include(sitemap.text(), '/photographers/mara-voss</loc>')
  })
})
