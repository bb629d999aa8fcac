import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CartItem from '#models/cart_item'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { addProcessedPhotos, createFamilyGallery } from '#tests/support/family_gallery'
import { watchConsoleErrors } from '#tests/support/browser'

test.group('Journey: a print of a gallery photo', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the family opens a photo, picks a 16x20 canvas with its crop framed, and finds it in the cart', async ({ browserContext, visit, assert }) => {
    const { family, gallery } = await createFamilyGallery({ photos: 0, merge: { name: 'Okafor family, spring' } })
    const photos = await addProcessedPhotos(gallery, 2)
    const prints = await ProductFactory.merge({ name: 'Photo print', category: 'prints' }).create()
    const canvas = await ProductFactory.merge({ name: 'Gallery canvas', category: 'canvas' }).create()
    await ProductVariantFactory.merge({ productId: prints.id, name: '8x10 lustre', size: '8x10', price: 2500 }).create()
    const big = await ProductVariantFactory.merge({ productId: canvas.id, name: '16x20 canvas', size: '16x20', price: 14_900 }).create()

    await browserContext.loginAs(family)
    const page = await visit(`/g/${gallery.slug}`)
    const consoleErrors = watchConsoleErrors(page)
    await page.locator('a.photo__open').first().click()
    await page.getByRole('link', { name: 'Order a print' }).click()
    await page.assertPath(`/g/${gallery.slug}/photos/${photos[0].id}/print`)

    // The cheapest is ticked first; ticking the canvas frames its 5:4 crop over the photo.
    await page.getByLabel(/16x20 canvas/).check()
    const frame = page.locator(`.print-crop[data-variant="${big.id}"]`)
    assert.isTrue(await frame.isVisible())
    const box = (await frame.boundingBox())!
    const photo = (await page.locator('.print-preview img').boundingBox())!
    assert.closeTo(box.width / photo.width, 0.833, 0.02)
    await page.getByLabel('How many').fill('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()

    await page.assertPath('/cart')
    await page.assertTextContains('body', 'Your photo')
    await page.assertTextContains('body', '16x20 canvas')
    await page.assertTextContains('body', '$298.00')
    const item = await CartItem.query().where('photo_id', photos[0].id).firstOrFail()
    assert.equal(item.quantity, 2)
    assert.deepEqual(consoleErrors, [])
  })
})
