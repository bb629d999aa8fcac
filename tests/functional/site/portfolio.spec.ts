import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { PageFactory } from '#database/factories/page_factory'
import { artworkForSale, storedAsset } from '#tests/support/shop'
import { recordQueries } from '#tests/support/queries'

test.group('Site: portfolio, artwork and content pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the portfolio lists published artworks, filtered by category, in few queries', async ({ client, assert }) => {
    const { artwork, category } = await artworkForSale()
    const other = await CategoryFactory.merge({ name: 'Punk Attitude', slug: 'punk-attitude', sortOrder: 2 }).create()
    await ArtworkFactory.merge({ title: 'Safety Pin Sneer', categoryId: other.id, mediaAssetId: (await storedAsset()).id }).apply('published').create()
    await ArtworkFactory.merge({ title: 'Unfinished Draft', categoryId: category.id }).create()

    const queries = recordQueries()
    const all = await client.get('/portfolio')
    queries.stop()
    all.assertStatus(200)
    all.assertTextIncludes('Electric Riff')
    all.assertTextIncludes('Safety Pin Sneer')
    assert.notInclude(all.text(), 'Unfinished Draft')
    assert.isAtMost(queries.sql.filter((sql) => /^\s*select/i.test(sql)).length, 6)
    assert.include(all.text(), `/artwork-images/${artwork.mediaAssetId}/thumb`)
    assert.match(all.text(), /srcset="[^"]+ \d+w, [^"]+ \d+w"/)
    assert.match(all.text(), /width="900" height="600"/)

    const punk = await client.get('/portfolio').qs({ category: 'punk-attitude' })
    punk.assertTextIncludes('Safety Pin Sneer')
    assert.notInclude(punk.text(), 'Electric Riff')
    ;(await client.get('/portfolio').qs({ category: 'no-such-thing' })).assertStatus(404)
  })

  test('a category shows its subcategories too, and offers them as a second row of filters', async ({ client, assert }) => {
    const { category } = await artworkForSale()
    const live = await CategoryFactory.merge({ name: 'Live Shows', slug: 'live-shows', parentId: category.id, sortOrder: 1 }).create()
    const studio = await CategoryFactory.merge({ name: 'Studio Sessions', slug: 'studio-sessions', parentId: category.id, sortOrder: 2 }).create()
    await ArtworkFactory.merge({ title: 'Stage Dive', categoryId: live.id, mediaAssetId: (await storedAsset()).id }).apply('published').create()
    await ArtworkFactory.merge({ title: 'Backdrop Blues', categoryId: studio.id, mediaAssetId: (await storedAsset()).id }).apply('published').create()

    const all = await client.get('/portfolio')
    // Only top-level categories in the main row.
    assert.match(all.text(), /aria-label="Categories"[\s\S]*?Rock Portraits/)
    assert.notInclude(all.text(), 'subcategories')

    const parent = await client.get('/portfolio').qs({ category: category.slug })
    for (const title of ['Electric Riff', 'Stage Dive', 'Backdrop Blues']) parent.assertTextIncludes(title)
    assert.include(parent.text(), 'aria-label="Rock Portraits: subcategories"')
    assert.match(parent.text(), /href="\/portfolio\?category=live-shows"\s*>Live Shows</)

    const child = await client.get('/portfolio').qs({ category: 'live-shows' })
    child.assertTextIncludes('Stage Dive')
    assert.notInclude(child.text(), 'Backdrop Blues')
    assert.notInclude(child.text(), 'Electric Riff')
    // The parent stays marked in the main row; the subcategory is the current page.
    assert.match(child.text(), /href="\/portfolio\?category=rock-portraits"\s*aria-current="true"/)
    assert.match(child.text(), /href="\/portfolio\?category=live-shows"\s*aria-current="page"/)
  })

  test('an artwork page shows the picture, its story and print options with their prices', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    const page = await client.get(`/artworks/${artwork.slug}`)
    page.assertStatus(200)
    for (const text of ['Electric Riff', 'Leica M6', 'Ilford HP5 Plus', 'Loupe Studio, Stage A', '8x10', '$25.00', '11x14', '$95.00']) {
      page.assertTextIncludes(text)
    }
    assert.notInclude(page.text(), '$80.00')
    assert.include(page.text(), '<link rel="canonical" href="http')
    assert.include(page.text(), `og:image" content="http`)
    const jsonLd = JSON.parse(page.text().match(/<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/)![1])
    assert.equal(jsonLd['@type'], 'VisualArtwork')
    assert.deepEqual(jsonLd.offers.map((o: any) => o.price), ['25.00', '95.00'])

    const image = await client.get(`/artwork-images/${artwork.mediaAssetId}/preview`)
    image.assertStatus(200)
    image.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    ;(await client.get(`/artwork-images/${artwork.mediaAssetId}/original`)).assertStatus(404)
  })

  test('drafts are not public: neither the page nor the picture', async ({ client }) => {
    const { artwork } = await artworkForSale()
    await artwork.unpublish()
    ;(await client.get(`/artworks/${artwork.slug}`)).assertStatus(404)
    ;(await client.get(`/artwork-images/${artwork.mediaAssetId}/thumb`)).assertStatus(404)
  })

  test('public pages are cacheable: Cache-Control per page type, ETag and 304', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    await PageFactory.merge({ slug: 'about', title: 'About us', body: '# Hello\n\nWe **rock**. <script>alert(1)</script>', status: 'published' }).create()

    const portfolio = await client.get('/portfolio')
    portfolio.assertHeader('cache-control', 'public, max-age=300')
    const etag = portfolio.header('etag')!
    assert.isString(etag)
    ;(await client.get('/portfolio').header('if-none-match', etag)).assertStatus(304)
    ;(await client.get(`/artworks/${artwork.slug}`)).assertHeader('cache-control', 'public, max-age=3600')

    const about = await client.get('/pages/about')
    about.assertHeader('cache-control', 'public, max-age=86400')
    assert.include(about.text(), '<strong>rock</strong>')
    assert.notInclude(about.text(), '<script>alert')
  })

  test('draft content pages are not found', async ({ client }) => {
    await PageFactory.merge({ slug: 'secret', status: 'draft' }).create()
    ;(await client.get('/pages/secret')).assertStatus(404)
  })

  test('sitemap.xml lists published artworks and pages; robots.txt points to it', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    await ArtworkFactory.merge({ slug: 'hidden-draft' }).create()
    const sitemap = await client.get('/sitemap.xml')
    sitemap.assertStatus(200)
    assert.include(sitemap.text(), `/artworks/${artwork.slug}</loc>`)
    assert.notInclude(sitemap.text(), 'hidden-draft')
    const robots = await client.get('/robots.txt')
    assert.include(robots.text(), 'Disallow: /admin')
    assert.match(robots.text(), /Sitemap: http\S+\/sitemap\.xml/)
  })
})

test.group('Site: anonymous pages a CDN can keep', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a first-time visitor gets no cookie from public pages and can still add a print to the cart', async ({ client, assert }) => {
    const { artwork, smallOption } = await artworkForSale()
    for (const url of ['/', '/portfolio', `/artworks/${artwork.slug}`]) {
      const response = await client.get(url)
      response.assertStatus(200)
      assert.isUndefined(response.header('set-cookie'), url)
      assert.isUndefined(response.header('x-loupe-public-page'), url)
    }
    const added = await client.post('/cart/items').form({ printOptionId: smallOption.id, quantity: 1 }).redirects(0)
    added.assertStatus(302)
    assert.exists(added.cookie('cart'))
  })
})
