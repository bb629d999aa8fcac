import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import ProcessMediaAsset from '#jobs/process_media_asset'
import PublishGallery from '#actions/galleries/publish_gallery'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { UserFactory } from '#database/factories/user_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { gradientJpeg } from '#tests/support/images'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { watchConsoleErrors } from '#tests/support/browser'
import { resetRateLimits } from '#tests/support/throttle'
import { actors } from '#support/actor'
import GalleryVisitor from '#models/gallery_visitor'

const written: string[] = []

async function addProcessedPhotos(gallery: Gallery, count: number) {
  for (let index = 0; index < count; index++) {
    const id = randomUUID()
    written.push(`media/${id}`)
    const key = `media/${id}/original.jpg`
    const [width, height] = index % 3 === 2 ? [600, 900] : [900, 600]
    await drive.use('fs').put(key, await gradientJpeg(width, height))
    await MediaAssetFactory.apply('processing').merge({ id, key, width, height }).create()
    await new ProcessMediaAsset().handle({ mediaAssetId: id, watermark: true })
    await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id, sortOrder: index, altText: `Photo number ${index + 1}` }).create()
  }
}

test.group('Journey: the way into a gallery, on a phone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())
  group.each.teardown(async () => {
    for (const folder of written.splice(0)) await drive.use('fs').deleteAll(folder)
  })

  test('at 390 px: the emailed one-time link signs the family straight into the gallery; two hearts, the review, sent', async ({ browserContext, assert }) => {
    const family = await UserFactory.merge({ firstName: 'Marta' }).create()
    const pkg = await PackageFactory.merge({ includedPhotos: 1, extraPhotoPrice: 1500 }).create()
    const photoSession = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id }).create()
    const gallery = await GalleryFactory.merge({ photoSessionId: photoSession.id, name: 'Berg family session', downloadEnabled: true }).create()
    await addProcessedPhotos(gallery, 4)
    assert.isTrue((await PublishGallery.handle(actors.system('test'), gallery, { notify: true })).ok)

    const page = await browserContext.newPage()
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(linkIn(lastDeliveredTo(family.email!), '/login/links/'))
    await page.getByRole('button', { name: 'Sign in and open the gallery' }).click()
    await page.assertTextContains('h1', 'Berg family session')
    await page.assertTextContains('#selection-counter', '0 of 1')

    const hearts = page.getByRole('button', { name: 'Favourite' })
    await hearts.nth(0).click()
    await page.assertTextContains('#selection-counter', '1 of 1')
    await hearts.nth(1).click()
    await page.assertTextContains('#selection-counter', '2 of 1')
    await page.assertTextContains('#selection-bar', 'Download favourites (2)')

    await page.getByRole('link', { name: 'Submit selection' }).click()
    await page.assertTextContains('#review-counter', '2 of 1')
    await page.assertTextContains('#review-extras', '1 extra × $15.00 = $15.00')
    await page.assertElementsCount('.selection-review__grid img', 2)
    const fits = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth <= (globalThis as any).innerWidth)
    assert.isTrue(fits, 'no horizontal scroll at 390 px')
    await page.screenshot({ path: app.tmpPath('screenshots/selection-review-390.png'), fullPage: true })

    await page.getByRole('button', { name: 'Send my selection' }).click()
    await page.assertTextContains('body', 'Your selection of 2 photos is sent to the studio.')
    await page.getByRole('button', { name: 'Reopen my selection' }).click()
    await page.assertTextContains('body', 'Your selection is open again')
    assert.deepEqual(consoleErrors, [])
  })

  test('at 390 px: "Open your gallery" from the home page header, then the code', async ({ browserContext, assert }) => {
    const gallery = await GalleryFactory.apply('published').merge({ accessCode: 'PHONE2345', name: 'Open-me gallery' }).create()
    const page = await browserContext.newPage()
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    // Do Not Track: the home page queues no analytics event past the end of the test.
    await page.setExtraHTTPHeaders({ dnt: '1' })
    await page.goto('/')
    await page.getByLabel('Access code').fill('phone-2345')
    await page.getByRole('button', { name: 'Open your gallery' }).click()
    await page.waitForURL(`**/g/${gallery.slug}`)
    await page.assertVisible('input[name="email"]')
    await page.screenshot({ path: app.tmpPath('screenshots/home-open-gallery-390.png') })
    assert.deepEqual(consoleErrors, [])
  })

  test('at 390 px: a share link opens the gallery; the first heart asks for an email, then the same visitor keeps the heart', async ({ browserContext, assert }) => {
    const gallery = await GalleryFactory.apply('published').merge({ name: 'Shared party gallery', publicShareEnabled: true }).create()
    await addProcessedPhotos(gallery, 2)
    await gallery.refresh()
    const page = await browserContext.newPage()
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/g/${gallery.slug}/share/${gallery.shareToken}`)
    await page.assertTextContains('h1', 'Shared party gallery')

    await page.getByRole('button', { name: 'Favourite' }).first().click()
    await page.waitForURL(`**/g/${gallery.slug}?step=email`)
    await page.getByLabel('Your email').fill('friend@example.com')
    await page.getByRole('button', { name: 'Open the gallery' }).click()
    await page.waitForURL(`**/g/${gallery.slug}`)
    await page.assertTextContains('h1', 'Shared party gallery')
    const heart = page.getByRole('button', { name: 'Favourite' }).first()
    await heart.click()
    await page.locator('[aria-pressed="true"]').first().waitFor()

    const visitors = await GalleryVisitor.query().where('galleryId', gallery.id)
    assert.deepEqual(visitors.map((v) => v.email), ['friend@example.com'])
    assert.deepEqual(consoleErrors, [])
  })
})
