import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import type { ApiClient } from '@japa/api-client'
import MediaAsset from '#models/media_asset'
import Product from '#models/product'
import ProductImage from '#models/product_image'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { gradientJpeg } from '#tests/support/images'
import { artworkForSale, storedAsset } from '#tests/support/shop'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'

/** What the page's uploader sends: one file a request, answered in JSON. */
function upload(client: ApiClient, user: User, product: Product, bytes: Buffer, filename = 'canvas.jpg') {
  return client.post(`/admin/products/${product.id}/images`).header('accept', 'application/json').loginAs(user).withCsrfToken().file('file', bytes, { filename })
}

const imagesOf = (product: Product) => ProductImage.query().where('product_id', product.id).orderBy('position')

test.group('Admin catalogue: product images', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin uploads several images through the image pipeline: the first is primary, sizes are made by media.process', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { product } = await artworkForSale()

    const first = await upload(client, admin, product, await gradientJpeg(900, 600), 'front.jpg')
    first.assertStatus(201)
    ;(await upload(client, admin, product, await gradientJpeg(600, 900), 'side.jpg')).assertStatus(201)

    const images = await imagesOf(product)
    assert.deepEqual(images.map((i) => [i.position, i.isPrimary]), [[0, true], [1, false]])
    const asset = await MediaAsset.findOrFail(images[0].mediaAssetId)
    assert.equal(asset.status, 'processing')
    assert.equal(asset.originalFilename, 'front.jpg')
    const processing = await client.get(`/admin/products/${product.id}/images`).header('hx-request', 'true').loginAs(admin)
    processing.assertTextIncludes('Processing…')
    processing.assertTextIncludes('load delay:2s')

    assert.equal(await new JobWorker().drain(), 2)
    await asset.refresh()
    assert.equal(asset.status, 'ready')
    assert.isTrue(await drive.use().exists(`media/${asset.id}/thumb.webp`))

    const page = await client.get(`/admin/products/${product.id}/edit`).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Choose images')
    page.assertTextIncludes('Primary')
    page.assertTextIncludes(`/media/${asset.id}/thumb`)
    assert.notInclude(page.text(), 'Processing…')
  })

  test('reorder, alt text and primary: one primary, places closed up; removing the primary removes its files and promotes the next', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { product } = await artworkForSale()
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) (await upload(client, admin, product, await gradientJpeg(300, 200), name)).assertStatus(201)
    const [a, b, c] = await imagesOf(product)

    const moved = await client.put(`/admin/products/${product.id}/images/${c.id}`).loginAs(admin).withCsrfToken()
      .form({ altText: 'Canvas on a wall, seen from the side', position: '1', primary: 'true' }).redirects(0)
    moved.assertStatus(303)
    let images = await imagesOf(product)
    assert.deepEqual(images.map((i) => i.id), [c.id, a.id, b.id])
    assert.deepEqual(images.map((i) => i.position), [0, 1, 2])
    assert.deepEqual(images.filter((i) => i.isPrimary).map((i) => i.id), [c.id])
    assert.equal(images[0].altText, 'Canvas on a wall, seen from the side')

    const asset = await MediaAsset.findOrFail(c.mediaAssetId)
    assert.isTrue(await drive.use().exists(asset.key))
    const removed = await client.delete(`/admin/products/${product.id}/images/${c.id}`).loginAs(admin).withCsrfToken().redirects(0)
    removed.assertStatus(303)
    images = await imagesOf(product)
    assert.deepEqual(images.map((i) => [i.id, i.position, i.isPrimary]), [[a.id, 0, true], [b.id, 1, false]])
    assert.isNull(await MediaAsset.find(asset.id))
    assert.isFalse(await drive.use().exists(asset.key))
  })

  test('a file that is not an image is refused with a message on the form (422 for the uploader) and nothing is written', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { product } = await artworkForSale()
    const assetsBefore = await MediaAsset.query().count('* as n').first()
    const fake = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')

    const json = await upload(client, admin, product, fake, 'x.jpg')
    json.assertStatus(422)
    assert.deepEqual(json.body().errors, [{ field: 'file', message: 'This is not an image we can read. Use JPEG, PNG, WebP, AVIF or TIFF.' }])
    const form = await client.post(`/admin/products/${product.id}/images`).loginAs(admin).withCsrfToken().file('file', fake, { filename: 'x.jpg' }).redirects(0)
    form.assertStatus(302)
    form.assertValidationError('file', 'This is not an image we can read. Use JPEG, PNG, WebP, AVIF or TIFF.')
    const bad = await client.put(`/admin/products/${product.id}/images/00000000-0000-4000-8000-000000000000`).loginAs(admin).withCsrfToken().form({ altText: '', position: '1' }).redirects(0)
    bad.assertStatus(404)

    assert.lengthOf(await imagesOf(product), 0)
    assert.equal(Number((await MediaAsset.query().count('* as n').first())!.$extras.n), Number(assetsBefore!.$extras.n))
  })

  test('only admins see or change product images', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { product } = await artworkForSale()
    ;(await upload(client, admin, product, await gradientJpeg(300, 200))).assertStatus(201)
    const [image] = await imagesOf(product)
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.merge({ role }).create()
      ;(await upload(client, user, product, await gradientJpeg(300, 200))).assertStatus(403)
      ;(await client.get(`/admin/products/${product.id}/images`).loginAs(user)).assertStatus(403)
      ;(await client.put(`/admin/products/${product.id}/images/${image.id}`).loginAs(user).withCsrfToken().form({ altText: 'x', position: '1', primary: 'true' })).assertStatus(403)
      ;(await client.delete(`/admin/products/${product.id}/images/${image.id}`).loginAs(user).withCsrfToken()).assertStatus(403)
    }
    const images = await imagesOf(product)
    assert.deepEqual(images.map((i) => [i.id, i.altText]), [[image.id, null]])
  })

  test("the artwork page shows each print's product picture, responsive with its space reserved; an inactive product's picture is not served", async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { product } = await artworkForSale()
    ;(await upload(client, admin, product, await gradientJpeg(900, 600))).assertStatus(201)
    await new JobWorker().drain()
    const [image] = await imagesOf(product)
    await client.put(`/admin/products/${product.id}/images/${image.id}`).loginAs(admin).withCsrfToken().form({ altText: 'A framed fine-art print', position: '1' })

    const page = await client.get('/artworks/electric-riff')
    page.assertStatus(200)
    const tag = page.text().match(/<img src="\/product-images\/[^>]+>/)?.[0] ?? ''
    assert.include(tag, `srcset="/product-images/${image.mediaAssetId}/thumb`)
    assert.include(tag, `/product-images/${image.mediaAssetId}/preview `)
    assert.include(tag, 'width="900" height="600"')
    assert.include(tag, 'alt="A framed fine-art print"')
    const served = await client.get(`/product-images/${image.mediaAssetId}/thumb`)
    served.assertStatus(200)
    assert.equal(served.header('content-type'), 'image/webp')
    ;(await client.get(`/product-images/${image.mediaAssetId}/original`)).assertStatus(404)

    await Product.query().where('id', product.id).update({ active: false })
    ;(await client.get(`/product-images/${image.mediaAssetId}/thumb`)).assertStatus(404)
  })

  test("a gallery photo's print page shows each product's primary picture beside its choice", async ({ client, assert }) => {
    const { family, gallery, photos } = await createFamilyGallery({ photos: 1 })
    const canvas = await ProductFactory.merge({ name: 'Gallery canvas', category: 'canvas', active: true }).create()
    await ProductVariantFactory.merge({ productId: canvas.id, name: '16x20 canvas', size: '16x20', price: 14_900, active: true }).create()
    const asset = await storedAsset()
    await ProductImage.create({ productId: canvas.id, mediaAssetId: asset.id, position: 0, isPrimary: true, altText: 'A stretched canvas, side view' })

    const page = await client.get(`/g/${gallery.slug}/photos/${photos[0].id}/print`).loginAs(family)
    page.assertStatus(200)
    const tag = page.text().match(/<img class="print-choice__picture"[^>]+>/)?.[0] ?? ''
    assert.include(tag, `src="/product-images/${asset.id}/thumb"`)
    assert.include(tag, `/product-images/${asset.id}/preview `)
    assert.include(tag, 'width="900" height="600"')
    assert.include(tag, 'alt="A stretched canvas, side view"')
  })
})
