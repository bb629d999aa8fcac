import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import { withTrashed } from '#models/concerns/soft_deletes'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { watchConsoleErrors } from '#tests/support/browser'
import { photographerOf } from '#tests/support/studio'

test.group('Journey: a photographer manages a gallery of their photo session', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('copies the access code, extends an expired gallery and deletes it after confirming', async ({ visit, browserContext, assert }) => {
    const gallery = await GalleryFactory.apply('expired').merge({ name: 'Lindqvist garden', accessCode: 'CQPY23456' }).create()
    const photographer = await photographerOf(gallery)
    await browserContext.loginAs(photographer)
    const page = await visit(`/admin/galleries/${gallery.id}`)
    const consoleErrors = watchConsoleErrors(page)

    await page.locator('#access-code').locator('xpath=..').getByRole('button', { name: 'Copy' }).click()
    await page.locator('#access-code').locator('xpath=..').getByRole('button', { name: 'Copied' }).waitFor()

    await page.getByLabel('Add days').fill('10')
    await page.getByRole('button', { name: 'Extend and reopen' }).click()
    await page.assertTextContains('.flash', 'is extended')
    await page.getByRole('button', { name: 'Unpublish' }).waitFor()
    await gallery.refresh()
    assert.equal(gallery.status, 'published')

    await page.getByRole('button', { name: 'Delete gallery' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await page.assertPath('/admin/galleries')
    await page.assertTextContains('.flash', 'is deleted')
    const trashed = await withTrashed(Gallery.query()).where('id', gallery.id).firstOrFail()
    assert.isTrue(trashed.isTrashed)
    assert.deepEqual(consoleErrors, [])
  })
})
