import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import type Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import ProcessMediaAsset from '#jobs/process_media_asset'
import { EAGER_TILES } from '#actions/galleries/list_gallery_photos'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { gradientJpeg } from '#tests/support/images'
import { watchConsoleErrors } from '#tests/support/browser'

/** Landscape, portrait, panorama and square photos, in that order, run through the real pipeline. */
const SHAPES: [number, number][] = [
  [900, 600],
  [600, 900],
  [1200, 600],
  [700, 700],
]

async function addProcessedPhotos(gallery: Gallery, count: number) {
  const photos = []
  for (let index = 0; index < count; index++) {
    const id = randomUUID()
    const key = `media/${id}/original.jpg`
    const [width, height] = SHAPES[index % SHAPES.length]
    await drive.use('fs').put(key, await gradientJpeg(width, height))
    await MediaAssetFactory.apply('processing').merge({ id, key, width, height }).create()
    await new ProcessMediaAsset().handle({ mediaAssetId: id, watermark: true })
    photos.push(await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id, sortOrder: index, altText: `Photo number ${index + 1}` }).create())
  }
  return photos
}

async function brandedGallery(photoCount: number) {
  const settings = await StudioSetting.current()
  settings.merge({ name: 'Northlight Portraits', brandColor: '#0f766e', headerColor: '#102a43', logoUrl: null })
  await settings.save()
  const { family, gallery } = await createFamilyGallery({ photos: 0, merge: { name: 'Okafor family, spring', downloadEnabled: true } })
  const photos = await addProcessedPhotos(gallery, photoCount)
  gallery.coverPhotoId = photos[2].id
  await gallery.save()
  return { family, gallery, photos }
}

/** Every tile's shown box against its photo's shape, and whether its image is cropped. */
function tileShapes(page: Page) {
  return page.$$eval('.photo-grid .photo__open img', (images) =>
    images.map((image: any) => {
      const box = image.getBoundingClientRect()
      const frame = image.parentElement.getBoundingClientRect()
      return {
        stored: Number(image.getAttribute('width')) / Number(image.getAttribute('height')),
        shown: box.width / box.height,
        cropped: box.height > frame.height + 1 || box.width > frame.width + 1,
        top: Math.round(box.top),
        height: box.height,
        lazy: image.getAttribute('loading') === 'lazy',
      }
    })
  )
}

test.group('Journey: a gallery that looks like the studio’s photo product', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const width of [390, 1280]) {
    test(`at ${width} px: the studio's header and cover, true-aspect rows without crop or shift, lazy beyond the first rows`, async ({ browserContext, assert }) => {
      const { family, gallery } = await brandedGallery(12)
      await browserContext.loginAs(family)
      const page = await browserContext.newPage()
      const consoleErrors = watchConsoleErrors(page)
      await page.setViewportSize({ width, height: 900 })
      // Layout shifts are summed from the first paint on (CLS as the browser measures it).
      await page.addInitScript(() => {
        const w = globalThis as any
        w.shifts = 0
        new w.PerformanceObserver((list: any) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue
            w.shifts += entry.value
            w.shiftSources = [...(w.shiftSources ?? []), ...entry.sources.map((s: any) => `${entry.value.toFixed(3)} ${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`)]
          }
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto(`/g/${gallery.slug}`)

      // The studio's branding, not the shop's header.
      await page.assertTextContains('.studio-bar', 'Northlight Portraits')
      assert.equal(await page.getByRole('link', { name: 'Create an account' }).count(), 0)
      assert.equal(await page.locator('.studio-bar').evaluate((el: any) => getComputedStyle(el).backgroundColor), 'rgb(16, 42, 67)')
      assert.include(await page.title(), 'Northlight Portraits')

      // The hero is the cover chosen in admin (photo 3), with the title, the day and the studio.
      const hero = page.locator('.gallery-hero')
      await page.assertTextContains('.gallery-hero h1', 'Okafor family, spring')
      await page.assertTextContains('.gallery-hero__meta', 'Northlight Portraits')
      assert.match((await hero.locator('time').textContent())!, /\d{1,2} \w+ \d{4}/)
      const coverSrc = await hero.locator('img').getAttribute('src')
      const thirdFull = await page.locator('.photo-grid .photo__open').nth(2).getAttribute('href')
      assert.equal(coverSrc, thirdFull)

      // Each tile keeps its photo's aspect ratio (portraits and panoramas too), uncropped.
      await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('.photo-grid img')].slice(0, 8).every((i: any) => i.complete))
      const shapes = await tileShapes(page)
      assert.lengthOf(shapes, 12)
      for (const shape of shapes) {
        assert.closeTo(shape.shown, shape.stored, 0.03)
        assert.isFalse(shape.cropped)
      }
      // Justified rows: photos sharing a row share its height.
      const rows = new Map<number, number[]>()
      for (const shape of shapes) rows.set(shape.top, [...(rows.get(shape.top) ?? []), shape.height])
      assert.isBelow(rows.size, shapes.length, 'several photos share a row')
      for (const heights of rows.values()) assert.isBelow(Math.max(...heights) - Math.min(...heights), 2)
      // The first rows load at once, the rest lazily.
      assert.deepEqual(
        shapes.map((shape) => shape.lazy),
        shapes.map((_, index) => index >= EAGER_TILES)
      )

      await page.mouse.wheel(0, 4000)
      await page.waitForTimeout(300)
      const shifted = await page.evaluate(() => ({ total: (globalThis as any).shifts, sources: (globalThis as any).shiftSources ?? [] }))
      // 0.1 is the web's "good" CLS; once, in a full suite on a loaded machine, 0.06 was seen here
      // (sources below say what moved if it comes back).
      assert.isBelow(shifted.total, 0.1, shifted.sources.join('\n'))
      await page.evaluate(() => (globalThis as any).scrollTo(0, 0))
      await page.screenshot({ path: `docs/notes/gallery-${width}.png`, fullPage: width === 390 })
      assert.deepEqual(consoleErrors, [])
    })
  }

  test('focus stays on the heart and on the favourites filter after htmx swaps them', async ({ browserContext, assert }) => {
    const { family, gallery, photos } = await brandedGallery(3)
    await browserContext.loginAs(family)
    const page = await browserContext.newPage()
    await page.goto(`/g/${gallery.slug}`)
    const activeId = () => page.evaluate(() => (globalThis as any).document.activeElement?.id)

    await page.locator(`#fav-${photos[1].id}`).focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector(`#fav-${photos[1].id}[aria-pressed="true"]`)
    assert.equal(await activeId(), `fav-${photos[1].id}`)
    // A second tap takes the heart off (DELETE), a third puts it back: one favourite kept.
    await page.keyboard.press('Enter')
    await page.waitForSelector(`#fav-${photos[1].id}[aria-pressed="false"]`)
    await page.waitForSelector('#selection-counter:has-text("0 of")')
    assert.equal(await activeId(), `fav-${photos[1].id}`)
    await page.keyboard.press('Enter')
    await page.waitForSelector(`#fav-${photos[1].id}[aria-pressed="true"]`)

    await page.getByRole('link', { name: 'Favourites only' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.photo-grid .photo').length === 1)
    assert.equal(await activeId(), 'filter-favorites')
  })

  test('the viewer fills a phone screen, zooms on a double tap, moves by arrows and slideshow, and Escape gives focus back', async ({ browserContext, assert }) => {
    const { family, gallery } = await brandedGallery(5)
    await browserContext.loginAs(family)
    const page = await browserContext.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/g/${gallery.slug}`)

    await page.getByRole('link', { name: 'Photo number 2' }).click()
    const viewer = page.locator('dialog.lightbox')
    await page.assertVisible('dialog.lightbox')
    const box = (await viewer.boundingBox())!
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 390, 844])
    await page.assertTextContains('.lightbox__position', '2 of 5')

    // Double-click zooms in where it was clicked, and back out; the position stays.
    const image = viewer.locator('.lightbox__image')
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.lightbox__image').complete)
    const imageBox = (await image.boundingBox())!
    await image.dblclick({ position: { x: imageBox.width / 4, y: imageBox.height / 4 } })
    assert.equal(await page.locator('.lightbox__figure').getAttribute('data-zoom'), '2.5')
    const zoomed = (await image.boundingBox())!
    assert.closeTo(zoomed.width, imageBox.width * 2.5, 2)
    // The point under the pointer stayed under it.
    assert.closeTo(zoomed.x + (imageBox.width / 4) * 2.5, imageBox.x + imageBox.width / 4, 2)
    await image.dblclick()
    assert.equal(await page.locator('.lightbox__figure').getAttribute('data-zoom'), '1')

    // The on-screen arrows.
    await viewer.getByRole('button', { name: 'Next photo' }).click()
    await page.assertTextContains('.lightbox__position', '3 of 5')
    await viewer.getByRole('button', { name: 'Previous photo' }).click()
    await page.assertTextContains('.lightbox__position', '2 of 5')

    // The slideshow moves on by itself until paused.
    await viewer.getByRole('button', { name: 'Slideshow' }).click()
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.lightbox__position').textContent.startsWith('3 of'), null, { timeout: 6000 })
    await viewer.getByRole('button', { name: 'Pause' }).click()
    await page.waitForTimeout(4500)
    await page.assertTextContains('.lightbox__position', '3 of 5')

    await page.keyboard.press('Escape')
    await page.assertNotVisible('dialog.lightbox')
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.querySelector('img')?.alt), 'Photo number 2')
  })
})
