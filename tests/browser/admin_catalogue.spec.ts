import { test } from '@japa/runner'
import Artwork from '#models/artwork'
import ProductImage from '#models/product_image'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { CategoryFactory } from '#database/factories/category_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { JobWorker } from '#services/jobs/worker'
import { watchConsoleErrors, signInThroughForm } from '#tests/support/browser'
import { gradientJpeg } from '#tests/support/images'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Journey: an admin puts an artwork on sale', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('admin uploads an artwork, offers it as a print at its own price, publishes it; it shows on /portfolio with that price', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await CategoryFactory.merge({ name: 'Stage Lights', slug: 'stage-lights' }).create()
    const product = await ProductFactory.merge({ name: 'Giclée print', category: 'prints', active: true }).create()
    await ProductVariantFactory.merge({ productId: product.id, name: '12x18 cotton rag', price: 4000, active: true }).create()

    const page = await visit('/login')
    const consoleErrors = watchConsoleErrors(page)
    await signInThroughForm(page, admin.email!, FACTORY_PASSWORD)
    await page.goto('/admin/artworks/create')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByLabel('Title').fill('Amp Glow')
    await page.getByLabel('Category').selectOption({ label: 'Stage Lights' })
    await page.getByLabel('Picture').setInputFiles({ name: 'amp.jpg', mimeType: 'image/jpeg', buffer: await gradientJpeg(900, 600) })
    await page.screenshot({ path: 'tmp/screenshots/admin-artwork-create-390.png', fullPage: true })
    await page.getByRole('button', { name: 'Create artwork' }).click()
    const artwork = await Artwork.findByOrFail('slug', 'amp-glow')
    await page.assertPath(`/admin/artworks/${artwork.id}/edit`)
    await new JobWorker().drain()

    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByLabel('Giclée print: 12x18 cotton rag').check()
    await page.getByLabel('Price of 12x18 cotton rag for this artwork').fill('65.50')
    await page.getByRole('button', { name: 'Save prints' }).click()
    await page.assertTextContains('.flash', 'offered as 1 print')
    await page.getByLabel('Status').selectOption('published')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.assertTextContains('.flash', 'on the portfolio')
    await page.screenshot({ path: 'tmp/screenshots/admin-artwork-edit-desktop.png', fullPage: true })

    await page.goto('/portfolio')
    await page.getByRole('link', { name: 'Amp Glow' }).first().click()
    await page.assertPath('/artworks/amp-glow')
    await page.assertTextContains('main', '$65.50')
    assert.deepEqual(consoleErrors, [], JSON.stringify(consoleErrors))
  })
})

test.group('Journey: an admin gives a product its images', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('admin uploads two images at once (each with its progress), fills alt text, makes the second primary and removes the first', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const product = await ProductFactory.merge({ name: 'Canvas wrap', category: 'canvas', active: true }).create()

    const page = await visit('/login')
    const consoleErrors = watchConsoleErrors(page)
    await signInThroughForm(page, admin.email!, FACTORY_PASSWORD)
    await page.goto(`/admin/products/${product.id}/edit`)
    await page.getByLabel('Choose images').setInputFiles([
      { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await gradientJpeg(900, 600) },
      { name: 'side.jpg', mimeType: 'image/jpeg', buffer: await gradientJpeg(600, 900) },
    ])
    await page.assertTextContains('.uploader__summary', '2 of 2 uploaded')
    assert.equal(await page.locator('.upload-row progress').count(), 2)
    // The list refreshes itself after the batch; the pipeline's job makes the thumbnails.
    await page.locator('#product-images .product-image').nth(1).waitFor()
    await new JobWorker().drain()
    await page.locator('#product-images img.product-image__thumb').nth(1).waitFor({ timeout: 10_000 })

    const [front, side] = await ProductImage.query().where('product_id', product.id).orderBy('position')
    const second = page.locator(`[data-image-id="${side.id}"]`)
    await second.getByLabel('Alt text (what it shows)').fill('The canvas from the side, on a wall')
    await second.getByRole('button', { name: 'Save image' }).click()
    await page.assertTextContains('.flash', 'The image is saved.')
    await page.locator(`[data-image-id="${side.id}"]`).getByRole('button', { name: 'Make primary' }).click()
    await page.assertTextContains(`[data-image-id="${side.id}"]`, 'Primary')
    await page.locator(`[data-image-id="${front.id}"]`).getByRole('button', { name: 'Remove image 1' }).click()
    await page.assertTextContains('.flash', 'The image is removed.')
    await page.screenshot({ path: 'tmp/screenshots/admin-product-images-desktop.png', fullPage: true })

    const left = await ProductImage.query().where('product_id', product.id)
    assert.deepEqual(left.map((i) => [i.id, i.isPrimary, i.position, i.altText]), [[side.id, true, 0, 'The canvas from the side, on a wall']])
    assert.deepEqual(consoleErrors, [], JSON.stringify(consoleErrors))
  })
})
