import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import Photo from '#models/photo'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { watchConsoleErrors, signInThroughForm } from '#tests/support/browser'
import { gradientJpeg } from '#tests/support/images'
import { truncateAfterEach } from '#tests/support/truncate'

/** Stops the page's polling before the tables are emptied under it. */
async function leave(page: Page) {
  await page.goto('about:blank')
  await page.close()
}

test.group('Journey: an admin delivers a gallery', (group) => {
  // Three uploads run at once, each in its own transaction: a shared per-test transaction can't hold them.
  group.each.setup(() => truncateAfterEach)

  test('admin creates a gallery, uploads 5 images, watches processing finish, publishes', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await visit('/login')
    const consoleErrors = watchConsoleErrors(page)
    await signInThroughForm(page, admin.email!, FACTORY_PASSWORD)
    await page.assertPath('/admin')

    await page.goto('/admin/galleries/create')
    await page.getByLabel('Name').fill('Lindqvist family, spring')
    await page.getByRole('button', { name: 'Create gallery' }).click()
    const gallery = await Gallery.findByOrFail('name', 'Lindqvist family, spring')
    await page.assertPath(`/admin/galleries/${gallery.id}`)

    await page.waitForSelector('#photo-processing')
    await page.assertTextContains('#photo-grid', 'No photos yet')
    const files = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => ({ name: `spring-${n}.jpg`, mimeType: 'image/jpeg', buffer: await gradientJpeg(600 + n * 40, 400) }))
    )
    await page.locator('input[type="file"]').setInputFiles(files)

    const rows = page.locator('.upload-row')
    await page.waitForFunction(() => document.querySelectorAll('.upload-row--done').length === 5)
    assert.equal(await rows.count(), 5)
    for (const file of files) await page.assertTextContains('.upload-list', file.name)
    await page.assertTextContains('.uploader__summary', '5 of 5 uploaded')
    await page.waitForFunction(() => document.querySelectorAll('#photo-grid [data-photo-id]').length === 5)
    await page.assertTextContains('#photo-processing', '0 of 5 ready')

    // The web process doesn't work jobs in tests: work them here, as the worker would.
    assert.equal(await new JobWorker().drain(), 5)
    await page.waitForFunction(() => document.querySelector('#photo-processing')?.textContent?.includes('5 of 5 ready'), null, { timeout: 10_000 })
    await page.waitForFunction(() => document.querySelectorAll('#photo-grid img').length === 5)
    await page.assertNotExists('#photo-processing[data-state="processing"]')
    assert.lengthOf(await MediaAsset.query().where('status', 'ready'), 5)

    await page.locator('#publishing').getByRole('button', { name: 'Publish' }).click()
    await page.assertPath(`/admin/galleries/${gallery.id}`)
    await gallery.refresh()
    assert.equal(gallery.status, 'published')
    await page.waitForSelector('#photo-grid')
    assert.deepEqual(consoleErrors, [])
    await leave(page)
  })

  test('a rejected file says why and offers no retry; photos are reordered, featured and deleted', async ({ visit, browserContext, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await Gallery.create({ name: 'Reorder test', slug: 'reorder-test', accessCode: 'ABCDEFGH23', status: 'draft' })
    await browserContext.loginAs(admin)
    const page = await visit(`/admin/galleries/${gallery.id}`)
    const consoleErrors = watchConsoleErrors(page)
    await page.waitForSelector('#photo-processing')

    await page.locator('input[type="file"]').setInputFiles([
      { name: 'first.jpg', mimeType: 'image/jpeg', buffer: await gradientJpeg(500, 400) },
      { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html>not a photo</html>') },
      { name: 'second.jpg', mimeType: 'image/jpeg', buffer: await gradientJpeg(400, 500) },
    ])
    await page.waitForFunction(() => document.querySelectorAll('.upload-row--done, .upload-row--failed').length === 3)
    const failed = page.locator('.upload-row--failed')
    await page.assertTextContains('.upload-row--failed', 'This is not an image we can read')
    assert.equal(await failed.count(), 1)
    // A retry would be refused again: the row says why and offers none.
    assert.isFalse(await failed.getByRole('button', { name: 'Retry notes.jpg' }).isVisible())
    await page.assertTextContains('.uploader__summary', '2 of 3 uploaded, 1 failed')

    await page.waitForFunction(() => document.querySelectorAll('#photo-grid [data-photo-id]').length === 2)
    const ids = await page.locator('#photo-grid [data-photo-id]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-photo-id')))
    await page.waitForSelector('.photo-grid[data-sorter="ready"]')
    const moved = page.waitForResponse((response) => response.request().method() === 'PUT')
    // The uploads ran in parallel, so either file may be first: move whichever is second.
    await page.locator(`#photo-${ids[1]}`).getByRole('button', { name: /^Move .+\.jpg earlier$/ }).click()
    assert.equal((await moved).status(), 200)
    await page.assertTextContains('#photo-order-status', 'Order saved')
    const order = (await gallery.related('photos').query().orderBy('sortOrder')).map((photo) => photo.id)
    assert.deepEqual(order, [ids[1], ids[0]])

    const saved = page.waitForResponse((response) => response.request().method() === 'PUT')
    const box = (await page.locator(`#photo-${ids[0]} .photo-tile__frame`).boundingBox())!
    await page.locator(`#photo-${ids[1]} .photo-tile__frame`).dragTo(page.locator(`#photo-${ids[0]} .photo-tile__frame`), {
      targetPosition: { x: box.width - 5, y: box.height / 2 },
    })
    assert.equal((await saved).status(), 200)
    const dragged = (await gallery.related('photos').query().orderBy('sortOrder')).map((photo) => photo.id)
    assert.deepEqual(dragged, [ids[0], ids[1]])

    const firstTile = page.locator(`#photo-${ids[1]}`)
    await firstTile.getByText('Actions').click()
    await firstTile.getByRole('button', { name: 'Feature' }).click()
    await page.assertTextContains(`#photo-${ids[1]} .photo-tile__badges`, 'Featured')
    page.once('dialog', (dialog) => dialog.accept())
    await page.locator(`#photo-${ids[0]}`).getByText('Actions').click()
    await page.locator(`#photo-${ids[0]}`).getByRole('button', { name: 'Delete' }).click()
    await page.assertTextContains('#photo-grid', 'The photo is in the trash.')
    await page.assertNotExists(`#photo-${ids[0]}`)
    assert.isNull(await Photo.find(ids[0]!))
    // The browser logs each refused upload (422); anything else (a CSP violation, a script error) fails.
    assert.deepEqual(consoleErrors.filter((error) => !error.includes('status of 422')), [])

    await new JobWorker().drain()
    await page.waitForSelector('#photo-processing[data-state="idle"]', { timeout: 10_000 })
    await leave(page)
  })
})
