import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CartItem from '#models/cart_item'
import MediaAsset from '#models/media_asset'
import OrderItem from '#models/order_item'
import { checkout } from '#tests/support/checkout'
import { UserFactory } from '#database/factories/user_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'

/** The studio's photo prints: an 8x10 lustre print at $25 and a 16x20 canvas at $149; and a T-shirt, not a print. */
async function printCatalogue() {
  const prints = await ProductFactory.merge({ name: 'Photo print', category: 'prints' }).create()
  const canvas = await ProductFactory.merge({ name: 'Gallery canvas', category: 'canvas' }).create()
  const apparel = await ProductFactory.merge({ name: 'Band T-shirt', category: 'apparel' }).create()
  return {
    print: await ProductVariantFactory.merge({ productId: prints.id, name: '8x10 lustre', size: '8x10', price: 2500 }).create(),
    canvas: await ProductVariantFactory.merge({ productId: canvas.id, name: '16x20 canvas', size: '16x20', price: 14_900 }).create(),
    shirt: await ProductVariantFactory.merge({ productId: apparel.id, name: 'Shirt, large', size: 'L', price: 3000 }).create(),
  }
}

test.group('Shop: prints of gallery photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the family picks a canvas of a gallery photo, sees the crop it makes, and the cart prices it from the catalogue', async ({ client, assert }) => {
    const { family, gallery, photos } = await createFamilyGallery({ photos: 2 })
    const { print, canvas, shirt } = await printCatalogue()
    await MediaAsset.query().where('id', photos[0].mediaAssetId).update({ width: 900, height: 600 })

    const page = await client.get(`/g/${gallery.slug}/photos/${photos[0].id}/print`).loginAs(family)
    page.assertStatus(200)
    const html = page.text()
    for (const text of ['Order a print', '8x10 lustre', '$25.00', '16x20 canvas', '$149.00']) assert.include(html, text)
    assert.notInclude(html, 'Shirt, large')
    // The 900×600 photo printed at 16x20 (5:4) keeps a centred 750×600 frame: 8.3 % off each side.
    assert.include(html, `.print-crop[data-variant="${canvas.id}"]{display:block;left:8.3%;top:0%;width:83.3%;height:100%}`)

    const added = await client
      .post(`/g/${gallery.slug}/photos/${photos[0].id}/print`)
      .form({ productVariantId: canvas.id, quantity: 2, price: 1 })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    added.assertStatus(302)
    added.assertHeader('location', '/cart')
    const cart = await client.get('/cart').loginAs(family)
    cart.assertTextIncludes('Your photo')
    cart.assertTextIncludes('16x20 canvas')
    cart.assertTextIncludes('$298.00')
    const items = await CartItem.query().where('photo_id', photos[0].id)
    assert.deepEqual(items.map((item) => [item.productVariantId, item.quantity]), [[canvas.id, 2]])
    assert.notEqual(print.id, canvas.id)
    assert.isDefined(shirt)
  })

  test('a variant that is not a print, or a quantity out of range, is refused and writes nothing', async ({ client, assert }) => {
    const { family, gallery, photos } = await createFamilyGallery({ photos: 1 })
    const { shirt, print } = await printCatalogue()
    const url = `/g/${gallery.slug}/photos/${photos[0].id}/print`

    const wrong = await client.post(url).form({ productVariantId: shirt.id, quantity: 1 }).loginAs(family).withCsrfToken().redirects(0)
    wrong.assertStatus(302)
    wrong.assertFlashMessage('error', 'That print is not for sale any more: choose another.')
    const tooMany = await client.post(url).json({ productVariantId: print.id, quantity: 50 }).loginAs(family).withCsrfToken().header('accept', 'application/json')
    tooMany.assertStatus(422)
    assert.equal(tooMany.body().errors[0].field, 'quantity')
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('a visitor with a pass may order; no pass, a hidden photo or the studio preview may not', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery({ photos: 2 })
    const { print } = await printCatalogue()
    photos[1].isHidden = true
    await photos[1].save()
    const { cookie } = await createVisitor(gallery)

    const visitor = await client.get(`/g/${gallery.slug}/photos/${photos[0].id}/print`).withEncryptedCookie(...cookie)
    visitor.assertStatus(200)
    visitor.assertTextIncludes('8x10 lustre')
    ;(await client.get(`/g/${gallery.slug}/photos/${photos[0].id}/print`)).assertStatus(404)
    ;(await client.get(`/g/${gallery.slug}/photos/${photos[1].id}/print`).withEncryptedCookie(...cookie)).assertStatus(404)
    const hiddenPost = await client.post(`/g/${gallery.slug}/photos/${photos[1].id}/print`).form({ productVariantId: print.id, quantity: 1 }).withEncryptedCookie(...cookie).withCsrfToken()
    hiddenPost.assertStatus(404)

    const staff = await UserFactory.apply('staff').create()
    ;(await client.get(`/g/${gallery.slug}/photos/${photos[0].id}/print`).loginAs(staff)).assertStatus(403)
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('a visitor checks out a print of a gallery photo: the order line names the photo and its price', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery({ photos: 1 })
    const { print } = await printCatalogue()
    const { cookie } = await createVisitor(gallery)
    const added = await client
      .post(`/g/${gallery.slug}/photos/${photos[0].id}/print`)
      .form({ productVariantId: print.id, quantity: 3 })
      .withEncryptedCookie(...cookie)
      .withCsrfToken()
      .redirects(0)
    added.assertStatus(302)
    const token = added.cookie('cart')?.value as string
    assert.isString(token)

    const { placed } = await checkout(client, token)
    const item = await OrderItem.query().where('photo_id', photos[0].id).preload('order').firstOrFail()
    assert.match(placed!.header('location')!, new RegExp(`^/orders/${item.orderId}\\?signature=`))
    const confirmation = await client.get(placed!.header('location')!)
    confirmation.assertTextIncludes('Your photo')
    assert.equal(item.productVariantId, print.id)
    assert.equal(item.quantity, 3)
    assert.equal(item.unitPrice, 2500)
    assert.equal(item.order.subtotal, 7500)
  })

  test('the gallery viewer links each photo to its print page, except in the studio preview', async ({ client, assert }) => {
    const { family, gallery } = await createFamilyGallery({ photos: 1 })
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    assert.include(page.text(), `data-print-url="/g/${gallery.slug}/photos/00000000-0000-0000-0000-000000000000/print"`)
    const staff = await UserFactory.apply('staff').create()
    const preview = await client.get(`/g/${gallery.slug}`).loginAs(staff)
    assert.notInclude(preview.text(), 'data-print-url')
  })
})
