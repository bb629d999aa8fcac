import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { PHOTOS_PER_PAGE } from '#actions/galleries/list_gallery_photos'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { watchConsoleErrors } from '#tests/support/browser'

const TOTAL = PHOTOS_PER_PAGE + 5

test.group('Journey: a gallery larger than one page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the next photos come as the family scrolls, painted, counted and in the lightbox', async ({ browserContext, assert }) => {
    const { family, gallery } = await createFamilyGallery({ photos: TOTAL })
    await browserContext.loginAs(family)
    const page = await browserContext.newPage()
    // The factory's photos have no image files: only their 404s are expected in the console.
    const consoleErrors = watchConsoleErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/g/${gallery.slug}`)
    await page.assertElementsCount('.photo-grid .photo', PHOTOS_PER_PAGE)
    await page.assertTextContains('.gallery__header', `${TOTAL} photos`)

    // Before the rest is loaded the lightbox counts every photo and does not wrap around.
    await page.locator('.photo-grid .photo__open').first().click()
    await page.assertTextContains('.lightbox__position', `1 of ${TOTAL}`)
    await page.keyboard.press('ArrowLeft')
    await page.assertTextContains('.lightbox__position', `1 of ${TOTAL}`)
    await page.keyboard.press('Escape')

    // "Show more photos" works from the keyboard (and loads by itself once in view).
    const more = page.getByRole('link', { name: 'Show more photos' })
    await more.focus()
    await page.keyboard.press('Enter')
    // The next page is a request of its own: a busy CI machine can take longer than the 5 s default.
    await page.waitForFunction((total) => (globalThis as any).document.querySelectorAll('.photo-grid .photo').length === total, TOTAL, { timeout: 20_000 })
    await page.assertElementsCount('.photo-grid .photo', TOTAL)
    await page.assertNotExists('.photo-grid__more')

    // The new tiles get their placeholder colour without the page's <style>.
    const tile = await page.locator('.photo-grid .photo__open').last().evaluate((link: any) => ({
      hex: Array.from(link.classList as string[]).find((name) => name.startsWith('ph-'))!.slice(3),
      background: (globalThis as any).getComputedStyle(link).backgroundColor as string,
    }))
    const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(tile.hex.slice(at, at + 2), 16))
    assert.equal(tile.background, `rgb(${r}, ${g}, ${b})`)

    // Everything loaded: the lightbox wraps around again, and the new tiles' hearts work.
    await page.locator('.photo-grid .photo__open').first().click()
    await page.keyboard.press('ArrowLeft')
    await page.assertTextContains('.lightbox__position', `${TOTAL} of ${TOTAL}`)
    await page.keyboard.press('Escape')
    await page.locator('.photo-grid .fav__button').last().click()
    await page.assertTextContains('#selection-counter', '1 of 10')
    assert.deepEqual(consoleErrors.filter((error) => !error.includes('404')), [])
  })
})
