import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import ProcessMediaAsset from '#jobs/process_media_asset'
import { UserFactory } from '#database/factories/user_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { gradientJpeg } from '#tests/support/images'

test.group('Journey: the studio manages galleries from a phone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('at 390 px the menu folds behind a toggle, the galleries list fits the screen and shows each cover', async ({ browserContext, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { gallery } = await createFamilyGallery({ photos: 0, merge: { name: 'Covered gallery' } })
    const id = randomUUID()
    const key = `media/${id}/original.jpg`
    await drive.use('fs').put(key, await gradientJpeg(600, 400))
    await MediaAssetFactory.apply('processing').merge({ id, key, width: 600, height: 400 }).create()
    await new ProcessMediaAsset().handle({ mediaAssetId: id, watermark: true })
    const photo = await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: id }).create()
    gallery.coverPhotoId = photo.id
    await gallery.save()
    await createFamilyGallery({ photos: 0, merge: { name: 'Gallery without a cover' } })

    await browserContext.loginAs(admin)
    const page = await browserContext.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/admin/galleries')

    // The menu is folded away until its toggle opens it.
    const menuLink = page.locator('.admin-sidebar').getByRole('link', { name: 'Orders' })
    const toggle = page.getByRole('button', { name: 'Menu' })
    await page.assertNotVisible('.admin-sidebar__menu')
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false')
    await toggle.click()
    assert.isTrue(await menuLink.isVisible())
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    await toggle.click()
    assert.isFalse(await menuLink.isVisible())

    // Nothing wider than the screen: the table scrolls inside its own box (hidden captions and labels too).
    const widths = await page.evaluate(() => ({ page: (globalThis as any).document.documentElement.scrollWidth, screen: (globalThis as any).innerWidth }))
    const wide = await page.evaluate(() =>
      [...(globalThis as any).document.querySelectorAll('body *')]
        .filter((el: any) => el.getBoundingClientRect().right > (globalThis as any).innerWidth + 1 && !el.closest('.table-wrap'))
        .slice(0, 8)
        .map((el: any) => `${el.tagName}.${el.className}:${Math.round(el.getBoundingClientRect().right)}`)
    )
    assert.deepEqual([widths.page, wide], [widths.screen, []])

    // Each gallery with a cover shows it.
    const row = page.locator('tr', { hasText: 'Covered gallery' })
    const cover = row.locator('.table__cover img')
    await cover.waitFor()
    assert.isTrue(await cover.evaluate((image: any) => image.complete && image.naturalWidth > 0))
    assert.equal(await page.locator('tr', { hasText: 'Gallery without a cover' }).locator('.table__cover img').count(), 0)

    // At a desktop width the menu is simply there.
    await page.setViewportSize({ width: 1280, height: 900 })
    assert.isTrue(await menuLink.isVisible())
    assert.isFalse(await toggle.isVisible())
  })
})
