import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright'
import { UserFactory } from '#database/factories/user_factory'
import { createFamilyGallery } from '#tests/support/family_gallery'
import ProductImage from '#models/product_image'
import { artworkForSale, storedAsset } from '#tests/support/shop'

/*
| WCAG 2.2 AA over the main page of each area, at a phone's width and a desktop's: axe-core's
| rules tagged wcag2a/2aa/21a/21aa/22aa; any serious or critical violation fails the test
| and is listed (rule, impact, the first elements).
*/
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${page.url()} ${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`)
}

async function check(context: BrowserContext, path: string, prepare?: (page: Page) => Promise<void>) {
  const found: string[] = []
  for (const width of [390, 1280]) {
    const page = await context.newPage()
    await page.setViewportSize({ width, height: 900 })
    await page.goto(path)
    if (prepare) await prepare(page)
    found.push(...(await seriousViolations(page)).map((line) => `@${width} ${line}`))
    await page.close()
  }
  return found
}

test.group('Accessibility: WCAG 2.2 AA (axe-core) over each area', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.timeout(120_000)

  test('the public site, the login page and a gallery’s gate have no serious or critical violation', async ({ browserContext, assert }) => {
    const { gallery } = await createFamilyGallery({ photos: 2 })
    const found = [...(await check(browserContext, '/')), ...(await check(browserContext, '/login')), ...(await check(browserContext, `/g/${gallery.slug}`))]
    assert.deepEqual(found, [])
  })

  test('a family’s gallery grid, with the viewer open, and its portal have none', async ({ browserContext, assert }) => {
    const { family, gallery } = await createFamilyGallery({ photos: 4 })
    await browserContext.loginAs(family)
    const found = [
      ...(await check(browserContext, `/g/${gallery.slug}`)),
      ...(await check(browserContext, `/g/${gallery.slug}`, async (page) => {
        await page.locator('.photo-grid .photo__open').first().click()
        await page.waitForSelector('dialog.lightbox[open]')
      })),
      ...(await check(browserContext, '/portal')),
    ]
    assert.deepEqual(found, [])
  })

  test('the studio’s galleries list and a gallery’s page have none', async ({ browserContext, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { gallery } = await createFamilyGallery({ photos: 3 })
    await browserContext.loginAs(admin)
    const found = [...(await check(browserContext, '/admin/galleries')), ...(await check(browserContext, `/admin/galleries/${gallery.id}`))]
    assert.deepEqual(found, [])
  })

  test('the catalogue: a product with its images, an archived artwork and an artwork page with product pictures have none', async ({ browserContext, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork, product, category } = await artworkForSale()
    const archived = (await artworkForSale({ title: 'Old Riff', slug: 'old-riff', category })).artwork
    await archived.archive()
    for (const [position, asset] of [await storedAsset(), await storedAsset()].entries()) {
      await ProductImage.create({ productId: product.id, mediaAssetId: asset.id, position, isPrimary: position === 0, altText: null })
    }
    const visitorView = await check(browserContext, `/artworks/${artwork.slug}`)
    await browserContext.loginAs(admin)
    const found = [
      ...visitorView,
      ...(await check(browserContext, `/admin/products/${product.id}/edit`)),
      ...(await check(browserContext, `/admin/artworks/${archived.id}/edit`)),
      ...(await check(browserContext, '/admin/artworks')),
    ]
    assert.deepEqual(found, [])
  })
})
