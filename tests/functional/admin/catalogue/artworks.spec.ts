import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import Artwork from '#models/artwork'
import ArtworkPrintOption from '#models/artwork_print_option'
import MediaAsset from '#models/media_asset'
import StatusChange from '#models/status_change'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { gradientJpeg } from '#tests/support/images'
import { artworkForSale } from '#tests/support/shop'
import qs from 'qs'

/** Nested fields named as the page names them (`options[0][variantId]`); the test client would drop the indices. */
const asBrowserForm = (values: Record<string, unknown>) => qs.stringify(values) as any

async function printVariant(price = 4000) {
  const product = await ProductFactory.merge({ name: 'Giclée print', category: 'prints', active: true }).create()
  return ProductVariantFactory.merge({ productId: product.id, name: '12x18 giclée', size: '12x18', price, active: true }).create()
}

test.group('Admin catalogue: artworks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin uploads an artwork, sells it as a print at its own price and publishes it onto the portfolio', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const category = await CategoryFactory.merge({ name: 'Stage Lights', slug: 'stage-lights' }).create()
    const variant = await printVariant(4000)

    const created = await client
      .post('/admin/artworks')
      .loginAs(admin)
      .withCsrfToken()
      .field('title', 'Amp Glow')
      .field('categoryId', category.id)
      .field('camera', 'Nikon Z8')
      .field('status', 'draft')
      .field('sortOrder', '3')
      .file('image', await gradientJpeg(900, 600), { filename: 'amp.jpg' })
      .redirects(0)
    created.assertStatus(303)
    const artwork = await Artwork.findByOrFail('slug', 'amp-glow')
    assert.equal(artwork.status, 'draft')
    const asset = await MediaAsset.findOrFail(artwork.mediaAssetId)
    assert.equal(asset.status, 'processing')
    assert.equal(await new JobWorker().drain(), 1)
    await asset.refresh()
    assert.equal(asset.status, 'ready')
    assert.notInclude((await client.get('/portfolio')).text(), 'Amp Glow')

    const prints = await client
      .put(`/admin/artworks/${artwork.id}/print-options`)
      .loginAs(admin)
      .withCsrfToken()
      .form(asBrowserForm({ options: [{ variantId: variant.id, offered: 'true', priceOverride: '65.50' }] }))
      .redirects(0)
    prints.assertStatus(303)
    const option = await ArtworkPrintOption.findByOrFail('artwork_id', artwork.id)
    assert.equal(option.priceOverride, 6550)

    const published = await client
      .put(`/admin/artworks/${artwork.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .form({ title: 'Amp Glow', slug: 'amp-glow', categoryId: category.id, camera: 'Nikon Z8', status: 'published', sortOrder: 3, featured: 'true' })
      .redirects(0)
    published.assertStatus(303)
    await artwork.refresh()
    assert.equal(artwork.status, 'published')
    assert.isTrue(artwork.featured)
    const history = await StatusChange.query().where('subject_id', artwork.id)
    assert.deepEqual(history.map((h) => [h.fromStatus, h.toStatus]), [['draft', 'published']])

    const portfolio = await client.get('/portfolio').qs({ category: 'stage-lights' })
    portfolio.assertTextIncludes('Amp Glow')
    const page = await client.get('/artworks/amp-glow')
    page.assertStatus(200)
    page.assertTextIncludes('$65.50')
    page.assertTextIncludes('Nikon Z8')
    ;(await client.get(`/artwork-images/${asset.id}/thumb`)).assertStatus(200)
    await drive.use().deleteAll(`media/${asset.id}`)
  })

  test('an edit shows on the next request: the old ETag no longer answers 304', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork, category } = await artworkForSale()
    const before = await client.get(`/artworks/${artwork.slug}`)
    const etag = before.header('etag')!
    const portfolioEtag = (await client.get('/portfolio')).header('etag')!

    await client
      .put(`/admin/artworks/${artwork.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .form({ title: 'Electric Riff (Encore)', slug: artwork.slug, categoryId: category.id, status: 'published', sortOrder: 0 })
      .redirects(0)
    const after = await client.get(`/artworks/${artwork.slug}`).header('if-none-match', etag)
    after.assertStatus(200)
    after.assertTextIncludes('Electric Riff (Encore)')
    const portfolio = await client.get('/portfolio').header('if-none-match', portfolioEtag)
    portfolio.assertStatus(200)
    portfolio.assertTextIncludes('Electric Riff (Encore)')

    await client.put(`/admin/artworks/${artwork.id}`).loginAs(admin).withCsrfToken()
      .form({ title: 'Electric Riff (Encore)', slug: artwork.slug, categoryId: category.id, status: 'draft', sortOrder: 0 }).redirects(0)
    ;(await client.get(`/artworks/${artwork.slug}`)).assertStatus(404)
    assert.notInclude((await client.get('/portfolio')).text(), 'Electric Riff')
  })

  test('the list filters by category, status and featured, with thumbnails', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork, category } = await artworkForSale()
    const other = await CategoryFactory.merge({ name: 'Backstage' }).create()
    await ArtworkFactory.merge({ title: 'Backstage Draft', categoryId: other.id }).create()
    await ArtworkFactory.merge({ title: 'Featured Solo', categoryId: other.id }).apply('featured').create()

    const all = await client.get('/admin/artworks').loginAs(admin)
    all.assertStatus(200)
    for (const title of ['Electric Riff', 'Backstage Draft', 'Featured Solo']) all.assertTextIncludes(title)
    assert.match(all.text(), new RegExp(`/media/${artwork.mediaAssetId}/thumb\\?[^"]*s=1`))

    const byCategory = await client.get('/admin/artworks').qs({ category: category.id }).loginAs(admin)
    assert.notInclude(byCategory.text(), 'Backstage Draft')
    byCategory.assertTextIncludes('Electric Riff')
    const drafts = await client.get('/admin/artworks').qs({ status: 'draft' }).loginAs(admin)
    drafts.assertTextIncludes('Backstage Draft')
    assert.notInclude(drafts.text(), 'Electric Riff')
    const featured = await client.get('/admin/artworks').qs({ featured: 'true' }).loginAs(admin)
    featured.assertTextIncludes('Featured Solo')
    assert.notInclude(featured.text(), 'Backstage Draft')
  })

  test('bad input writes nothing: field errors on the page, 422 for JSON, a non-image refused by its bytes', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const before = await Artwork.query().count('* as total').first()

    const page = await client.post('/admin/artworks').loginAs(admin).withCsrfToken().field('title', '').field('status', 'draft').field('sortOrder', '0').redirects(0)
    page.assertStatus(302)
    page.assertValidationError('title', 'Enter a title')

    const json = await client.post('/admin/artworks').header('accept', 'application/json').loginAs(admin).withCsrfToken()
      .field('title', 'Fine').field('status', 'live').field('sortOrder', 'x')
    json.assertStatus(422)
    assert.sameMembers(json.body().errors.map((e: any) => e.field), ['status', 'sortOrder'])

    const notImage = await client.post('/admin/artworks').loginAs(admin).withCsrfToken()
      .field('title', 'Sneaky').field('status', 'draft').field('sortOrder', '0')
      .file('image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), { filename: 'x.jpg', contentType: 'image/jpeg' })
      .redirects(0)
    notImage.assertStatus(302)
    notImage.assertValidationError('image', 'This is not an image we can read. Use JPEG, PNG, WebP, AVIF or TIFF.')

    const { artwork } = await artworkForSale()
    const badPrice = await client.put(`/admin/artworks/${artwork.id}/print-options`).header('accept', 'application/json').loginAs(admin).withCsrfToken()
      .json({ options: [{ variantId: (await printVariant()).id, offered: true, priceOverride: -3 }] })
    badPrice.assertStatus(422)
    const after = await Artwork.query().count('* as total').first()
    assert.equal(Number(after!.$extras.total), Number(before!.$extras.total) + 1)
    assert.lengthOf(await ArtworkPrintOption.query().where('artwork_id', artwork.id).where('price_override', -300), 0)
  })

  test('only admins manage the catalogue', async ({ client }) => {
    const { artwork } = await artworkForSale()
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.merge({ role }).create()
      ;(await client.get('/admin/artworks').loginAs(user)).assertStatus(403)
      ;(await client.put(`/admin/artworks/${artwork.id}/print-options`).loginAs(user).withCsrfToken().form({ options: [] })).assertStatus(403)
    }
    ;(await client.get('/admin/artworks').redirects(0)).assertStatus(302)
  })
})
