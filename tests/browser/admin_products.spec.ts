import { test } from '@japa/runner'
import Product from '#models/product'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { ArtworkPrintOptionFactory } from '#database/factories/artwork_print_option_factory'
import { watchConsoleErrors, signInThroughForm } from '#tests/support/browser'
import { artworkForSale } from '#tests/support/shop'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Journey: an admin adds a product to the shop', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('admin creates a product with two variants on a phone; both sell on an artwork page at their prices', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork } = await artworkForSale()

    const page = await visit('/login')
    const consoleErrors = watchConsoleErrors(page)
    await signInThroughForm(page, admin.email!, FACTORY_PASSWORD)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/admin/products/create')
    await page.locator('#field-name').fill('Metal print')
    await page.getByLabel('Slug').fill('metal-print')
    await page.getByLabel('Kind').selectOption('metal')
    await page.locator('#v0-name').fill('12x18 metal')
    await page.locator('#v0-sku').fill('MET-12X18')
    await page.locator('#v0-price').fill('120')
    await page.locator('#v1-name').fill('16x24 metal')
    await page.locator('#v1-sku').fill('MET-16X24')
    await page.locator('#v1-price').fill('180.50')
    await page.locator('#v1-stock').fill('3')
    await page.screenshot({ path: 'tmp/screenshots/admin-product-create-390.png', fullPage: true })
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.assertTextContains('.flash', 'Metal print is saved')

    const product = await Product.query().where('slug', 'metal-print').preload('variants').firstOrFail()
    assert.lengthOf(product.variants, 2)
    for (const variant of product.variants) {
      await ArtworkPrintOptionFactory.merge({ artworkId: artwork.id, productVariantId: variant.id, priceOverride: null }).create()
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('/admin/products')
    await page.screenshot({ path: 'tmp/screenshots/admin-products-desktop.png', fullPage: true })
    await page.goto(`/artworks/${artwork.slug}`)
    await page.assertTextContains('main', '$120.00')
    await page.assertTextContains('main', '$180.50')
    assert.deepEqual(consoleErrors, [], JSON.stringify(consoleErrors))
  })
})
