import { test } from '@japa/runner'
import Artwork from '#models/artwork'
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
