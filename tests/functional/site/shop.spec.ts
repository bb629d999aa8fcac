import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ProductImage from '#models/product_image'
import { CategoryFactory } from '#database/factories/category_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { artworkForSale, storedAsset } from '#tests/support/shop'
import { recordQueries } from '#tests/support/queries'

/** A canvas product in Wall Art › Canvas with two sizes, a primary image and an artwork sold on it. */
async function canvasForSale() {
  const wallArt = await CategoryFactory.merge({ name: 'Wall Art', slug: 'wall-art', kind: 'product', sortOrder: 1 }).create()
  const canvasCategory = await CategoryFactory.merge({ name: 'Canvas', slug: 'canvas', kind: 'product', parentId: wallArt.id, sortOrder: 2 }).create()
  const apparel = await CategoryFactory.merge({ name: 'Apparel', slug: 'apparel', kind: 'product', sortOrder: 3 }).create()
  const canvas = await ProductFactory.merge({ name: 'Gallery Canvas Wrap', slug: 'gallery-canvas-wrap', category: 'canvas', categoryId: canvasCategory.id, shortDescription: 'Hand-stretched, ready to hang.', active: true }).create()
  await ProductVariantFactory.merge({ productId: canvas.id, name: '16x20 canvas', sku: 'CNV-1620', price: 15_900, stock: null, active: true }).create()
  await ProductVariantFactory.merge({ productId: canvas.id, name: '8x10 canvas', sku: 'CNV-810', price: 7_900, stock: null, active: true }).create()
  await ProductVariantFactory.merge({ productId: canvas.id, name: '40x60 canvas', sku: 'CNV-4060', price: 59_900, active: false }).create()
  const asset = await storedAsset()
  await ProductImage.create({ productId: canvas.id, mediaAssetId: asset.id, position: 0, isPrimary: true, altText: 'A stretched canvas, side view' })
  const tee = await ProductFactory.merge({ name: 'Rock Star Kids Tee', slug: 'rock-star-kids-tee', category: 'apparel', categoryId: apparel.id, active: true }).create()
  await ProductVariantFactory.merge({ productId: tee.id, name: 'S, black', sku: 'TEE-S-BLK', price: 2_800, stock: 0, active: true }).create()
  const hidden = await ProductFactory.merge({ name: 'Retired Tote', slug: 'retired-tote', category: 'accessories', active: false }).create()
  await ProductVariantFactory.merge({ productId: hidden.id, sku: 'TOTE-1', price: 1_500, active: true }).create()
  const empty = await ProductFactory.merge({ name: 'Coming Soon Poster', slug: 'coming-soon-poster', category: 'prints', active: true }).create()
  return { canvas, tee, hidden, empty, asset }
}

test.group('Site: the print shop', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists active products with a variant for sale, their picture and lowest price, by category', async ({ client, assert }) => {
    const { asset } = await canvasForSale()
    const queries = recordQueries()
    const page = await client.get('/shop')
    queries.stop()
    page.assertStatus(200)
    page.assertTextIncludes('Gallery Canvas Wrap')
    page.assertTextIncludes('from $79.00 · 2 options')
    page.assertTextIncludes('Rock Star Kids Tee')
    page.assertTextIncludes(`/product-images/${asset.id}/thumb`)
    page.assertTextIncludes('alt="A stretched canvas, side view"')
    assert.notInclude(page.text(), 'Retired Tote')
    assert.notInclude(page.text(), 'Coming Soon Poster')
    assert.isAtMost(queries.sql.filter((sql) => /^\s*select/i.test(sql)).length, 4)
    assert.equal(page.header('cache-control'), 'public, max-age=300')
    assert.isUndefined(page.header('set-cookie'))

    // A parent category takes in its children's products.
    const wallArt = await client.get('/shop').qs({ category: 'wall-art' })
    wallArt.assertTextIncludes('Gallery Canvas Wrap')
    assert.notInclude(wallArt.text(), 'Rock Star Kids Tee')
    const apparel = await client.get('/shop').qs({ category: 'apparel' })
    apparel.assertTextIncludes('Rock Star Kids Tee')
    assert.notInclude(apparel.text(), 'Gallery Canvas Wrap')
    ;(await client.get('/shop').qs({ category: 'rock-portraits' })).assertStatus(404)
  })

  test('a product page shows its images, sizes and prices, the artworks sold on it, and Product JSON-LD', async ({ client, assert }) => {
    const { canvas, asset } = await canvasForSale()
    const { artwork, large } = await artworkForSale()
    // The artwork's 11x14 is now sold as a canvas: a third active variant of it.
    await large.merge({ productId: canvas.id }).save()

    const page = await client.get(`/shop/${canvas.slug}`)
    page.assertStatus(200)
    for (const text of ['Gallery Canvas Wrap', '8x10 canvas', '$79.00', '16x20 canvas', '$159.00', 'Made to order', 'Photographs sold as Gallery Canvas Wrap', artwork.title]) {
      page.assertTextIncludes(text)
    }
    assert.notInclude(page.text(), '40x60 canvas')
    assert.isBelow(page.text().indexOf('8x10 canvas'), page.text().indexOf('16x20 canvas'))
    assert.include(page.text(), `href="/artworks/${artwork.slug}"`)
    assert.include(page.text(), `<link rel="canonical" href="http`)
    assert.include(page.text(), `og:image" content="http`)
    assert.equal(page.header('cache-control'), 'public, max-age=3600')

    const jsonLd = JSON.parse(page.text().match(/<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/)![1])
    assert.equal(jsonLd['@type'], 'Product')
    assert.equal(jsonLd.name, 'Gallery Canvas Wrap')
    assert.equal(jsonLd.category, 'Canvas')
    assert.match(jsonLd.image[0], new RegExp(`/product-images/${asset.id}/preview$`))
    assert.deepInclude(jsonLd.offers, { '@type': 'AggregateOffer', 'lowPrice': '79.00', 'highPrice': '159.00', 'offerCount': 3, 'availability': 'https://schema.org/InStock' })

    const etag = page.header('etag')!
    ;(await client.get(`/shop/${canvas.slug}`).header('if-none-match', etag)).assertStatus(304)
  })

  test('a sold-out product says so; inactive, unknown and unsellable products are 404', async ({ client, assert }) => {
    const { tee, hidden, empty } = await canvasForSale()
    const page = await client.get(`/shop/${tee.slug}`)
    page.assertTextIncludes('Sold out')
    const jsonLd = JSON.parse(page.text().match(/<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/)![1])
    assert.equal(jsonLd.offers.availability, 'https://schema.org/OutOfStock')
    for (const slug of [hidden.slug, empty.slug, 'no-such-product']) (await client.get(`/shop/${slug}`)).assertStatus(404)
  })

  test('the sitemap lists the shop and its sellable products', async ({ client, assert }) => {
    const { canvas, hidden, empty } = await canvasForSale()
    const sitemap = await client.get('/sitemap.xml')
    assert.include(sitemap.text(), '/shop</loc>')
    assert.include(sitemap.text(), `/shop/${canvas.slug}</loc>`)
    assert.notInclude(sitemap.text(), `/shop/${hidden.slug}<`)
    assert.notInclude(sitemap.text(), `/shop/${empty.slug}<`)
  })
})
