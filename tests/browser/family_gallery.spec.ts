import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import EmailLog from '#models/email_log'
import StudioSetting from '#models/studio_setting'
import ProcessMediaAsset from '#jobs/process_media_asset'
import PublishGallery from '#actions/galleries/publish_gallery'
import { EAGER_TILES } from '#actions/galleries/list_gallery_photos'
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

/** Real images, stored and run through the image pipeline, so thumbnails and previews exist. */
async function addProcessedPhotos(gallery: Gallery, count: number) {
  for (let index = 0; index < count; index++) {
    const id = randomUUID()
    const key = `media/${id}/original.jpg`
    const landscape = index % 3 !== 2
    const [width, height] = landscape ? [900, 600] : [600, 900]
    await drive.use('fs').put(key, await gradientJpeg(width, height))
    await MediaAssetFactory.apply('processing').merge({ id, key, width, height }).create()
    await new ProcessMediaAsset().handle({ mediaAssetId: id, watermark: true })
    await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id, sortOrder: index, altText: `Photo number ${index + 1}` }).create()
  }
}

async function familyGallery(options: { photos: number; state?: 'draft' | 'published' | 'expired'; includedPhotos?: number }) {
  const family = await UserFactory.merge({ firstName: 'Marta' }).create()
  const pkg = await PackageFactory.merge({ includedPhotos: options.includedPhotos ?? 5, extraPhotoPrice: 1500 }).create()
  const photoSession = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id }).create()
  const builder = GalleryFactory.merge({ photoSessionId: photoSession.id, name: 'Lindqvist family session', downloadEnabled: true })
  const gallery = await (options.state && options.state !== 'draft' ? builder.apply(options.state) : builder).create()
  await addProcessedPhotos(gallery, options.photos)
  return { family, gallery }
}

test.group('Journey: a family opens its gallery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('from the publish email: code and email, 3 favourites, the lightbox, a download, the selection confirmed from the inbox', async ({ visit, assert }) => {
    const { family, gallery } = await familyGallery({ photos: 6, includedPhotos: 5 })
    const published = await PublishGallery.handle(actors.system('test'), gallery, { notify: true })
    assert.isTrue(published.ok)

    const email = lastDeliveredTo(family.email!)
    const link = linkIn(email, '/g/')
    const page = await visit(link)
    const consoleErrors = watchConsoleErrors(page)
    await page.getByLabel('Access code').fill(gallery.accessCode.toLowerCase())
    await page.getByLabel('Your email').fill(family.email!)
    await page.getByRole('button', { name: 'Open the gallery' }).click()

    await page.assertTextContains('h1', 'Lindqvist family session')
    await page.assertElementsCount('.photo-grid .photo', 6)
    await page.assertTextContains('#selection-counter', '0 of 5')

    // A marker on the window survives only if nothing reloads the page.
    await page.evaluate(() => ((globalThis as any).loadedOnce = true))
    const hearts = page.getByRole('button', { name: 'Favourite' })
    for (let index = 0; index < 3; index++) {
      await hearts.nth(index).click()
      await page.assertTextContains('#selection-counter', `${index + 1} of 5`)
    }
    await page.assertElementsCount('.fav__button[aria-pressed="true"]', 3)
    await page.assertTextContains('#selection-bar', 'Download favourites (3)')
    assert.isTrue(await page.evaluate(() => (globalThis as any).loadedOnce === true))

    // The lightbox: opened from the grid, moved with the arrow key, closed with Esc.
    await page.getByRole('link', { name: 'Photo number 1' }).click()
    const lightbox = page.locator('dialog.lightbox')
    await page.assertVisible('dialog.lightbox')
    await page.assertTextContains('.lightbox__position', '1 of 6')
    const firstSrc = await lightbox.locator('img').getAttribute('src')
    assert.include(firstSrc!, '/watermarked')
    await page.keyboard.press('ArrowRight')
    await page.assertTextContains('.lightbox__position', '2 of 6')
    assert.notEqual(await lightbox.locator('img').getAttribute('src'), firstSrc)
    // Its heart is the photo's own: un-hearting and re-hearting moves the counter behind it.
    const lightboxHeart = lightbox.getByRole('button', { name: 'Favourite this photo' })
    assert.equal(await lightboxHeart.getAttribute('aria-pressed'), 'true')
    await lightboxHeart.click()
    await page.assertTextContains('#selection-counter', '2 of 5')
    assert.equal(await lightboxHeart.getAttribute('aria-pressed'), 'false')
    await lightboxHeart.click()
    await page.assertTextContains('#selection-counter', '3 of 5')
    await page.keyboard.press('Escape')
    await page.assertNotVisible('dialog.lightbox')
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.querySelector('img')?.alt), 'Photo number 1')

    // One photo downloaded from the lightbox.
    await page.getByRole('link', { name: 'Photo number 2' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), lightbox.getByRole('button', { name: 'Download', exact: true }).click()])
    assert.match(download.suggestedFilename(), /\.jpg$/)
    await page.keyboard.press('Escape')

    // The favourites filter swaps the grid.
    await page.getByRole('link', { name: 'Favourites only' }).click()
    await page.assertElementsCount('.photo-grid .photo', 3)
    await page.getByRole('link', { name: 'All photos' }).click()
    await page.assertElementsCount('.photo-grid .photo', 6)
    assert.isTrue(await page.evaluate(() => (globalThis as any).loadedOnce === true))

    // Typing the family's email is not being the family: the family's inbox confirms.
    await page.getByRole('link', { name: 'Submit selection' }).click()
    await page.assertTextContains('#review-counter', '3 of 5')
    await page.assertElementsCount('.selection-review__grid img', 3)
    await page.getByRole('button', { name: 'Email the family to confirm' }).click()
    await page.assertTextContains('.flash--success', 'we emailed a link to')
    const confirmation = linkIn(lastDeliveredTo(family.email!), '/selection/confirmation/')
    await page.goto(new URL(confirmation, page.url()).toString())
    await page.getByRole('button', { name: 'Submit my selection' }).click()
    await page.assertTextContains('body', 'Your selection of 3 photos is sent to the studio.')
    await page.assertTextContains('#selection-bar', 'Selection submitted')
    await page.assertNotExists('a:has-text("Submit selection")')
    assert.equal(await page.locator('.fav__button[disabled]').count(), 6)
    assert.lengthOf(await EmailLog.query().where('subject', 'like', 'Selection submitted%'), 1)
    assert.deepEqual(consoleErrors, [])
  })

  test('too many wrong codes at /g are blocked with when to try again', async ({ visit, assert }) => {
    const page = await visit('/g')
    const consoleErrors = watchConsoleErrors(page)
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.getByLabel('Access code').fill(`WRONG-CODE-${attempt}`)
      await page.getByRole('button', { name: 'Open the gallery' }).click()
      await page.assertTextContains('#field-code-note', 'We could not find a gallery with that code')
    }
    await page.getByLabel('Access code').fill('WRONG-CODE-21')
    await page.getByRole('button', { name: 'Open the gallery' }).click()
    await page.assertTextContains('.flash--error', 'Too many wrong codes from your network. Try again in 15 minutes.')
    // Chrome logs the 429 answer itself; anything else would be a real error.
    assert.deepEqual(consoleErrors.filter((error) => !error.includes('status of 429')), [])
  })

  test('an expired gallery shows the expired page with the studio’s contact', async ({ visit }) => {
    const settings = await StudioSetting.current()
    settings.merge({ email: 'hello@studio.test', phone: '+1 555 0199' })
    await settings.save()
    const { gallery } = await familyGallery({ photos: 1, state: 'expired' })
    const page = await visit(`/g/${gallery.slug}`)
    await page.assertTextContains('h2', 'This gallery has expired')
    await page.assertTextContains('main', 'contact the studio')
    await page.assertVisible('a[href="mailto:hello@studio.test"]')
  })
})

test.group('Journey: the gallery grid on a phone and a tablet', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [device, width, height, minColumns] of [
    ['phone', 390, 844, 2],
    ['tablet', 820, 1180, 4],
  ] as const) {
    test(`on a ${device} (${width}×${height}) the grid fits without horizontal scroll`, async ({ browserContext, assert }) => {
      const { family, gallery } = await familyGallery({ photos: 8, state: 'published' })
      await browserContext.loginAs(family)
      const page = await browserContext.newPage()
      const consoleErrors = watchConsoleErrors(page)
      await page.setViewportSize({ width, height })
      await page.goto(`/g/${gallery.slug}`)
      await page.assertElementsCount('.photo-grid .photo', 8)

      const layout = await page.evaluate(() => {
        const { document, innerWidth } = globalThis as any
        const tops: number[] = Array.from(document.querySelectorAll('.photo-grid .photo')).map((item: any) => Math.round(item.getBoundingClientRect().top))
        return { scrollWidth: document.documentElement.scrollWidth as number, innerWidth: innerWidth as number, firstRow: tops.filter((top) => top === tops[0]).length }
      })
      assert.isAtMost(layout.scrollWidth, layout.innerWidth)
      assert.isAtLeast(layout.firstRow, minColumns)
      if (device === 'phone') assert.isAtMost(layout.firstRow, 3)

      // Every tile has its space before its image arrives; the first rows load at once (no loading
      // attribute: the browser's default), the rest lazily.
      const tiles = await page.locator('.photo-grid img').evaluateAll((images) =>
        images.map((image: any) => ({ lazy: image.getAttribute('loading') ?? 'eager', width: image.getAttribute('width'), height: image.parentElement.getBoundingClientRect().height as number }))
      )
      for (const [index, tile] of tiles.entries()) {
        assert.equal(tile.lazy, index < EAGER_TILES ? 'eager' : 'lazy')
        assert.isAbove(Number(tile.width), 0)
        assert.isAbove(tile.height, 40)
      }
      await page.assertVisible('#selection-bar')
      assert.deepEqual(consoleErrors, [])
    })
  }
})
