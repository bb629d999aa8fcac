import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createFamilyGallery } from '#tests/support/family_gallery'

test.group('Page weight: Alpine only where a page uses it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the home and login pages load no Alpine; a gallery loads it and its viewer opens', async ({ browserContext, assert }) => {
    const page = await browserContext.newPage()
    const alpineRequests: string[] = []
    page.on('request', (request) => request.url().includes('alpine') && alpineRequests.push(request.url()))
    for (const path of ['/', '/login']) {
      await page.goto(path)
      await page.waitForLoadState('load')
      assert.isUndefined(await page.evaluate(() => (globalThis as any).Alpine), path)
    }
    assert.deepEqual(alpineRequests, [])

    // The public portfolio and content pages carry no htmx markup, so no htmx; the login page does.
    const htmxRequests: string[] = []
    page.on('request', (request) => request.url().includes('htmx') && htmxRequests.push(new URL(request.url()).pathname))
    for (const path of ['/', '/portfolio', '/login']) {
      await page.goto(path)
      await page.waitForLoadState('load')
    }
    assert.deepEqual(htmxRequests, ['/vendor/htmx.min.js'])

    const { family, gallery } = await createFamilyGallery({ photos: 2 })
    await browserContext.loginAs(family)
    const galleryPage = await browserContext.newPage()
    galleryPage.on('request', (request) => request.url().includes('alpine') && alpineRequests.push(request.url()))
    await galleryPage.goto(`/g/${gallery.slug}`)
    await galleryPage.locator('.photo-grid .photo__open').first().click()
    await galleryPage.assertVisible('dialog.lightbox')
    await galleryPage.assertTextContains('.lightbox__position', '1 of 2')
    assert.lengthOf(alpineRequests, 1)
  })
})
