import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { watchConsoleErrors } from '#tests/support/browser'

test.group('Admin: the watermark preview and the branding form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('changing the placement redraws the preview without saving', async ({ visit, browserContext, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await browserContext.loginAs(admin)
    const page = await visit('/admin/watermark')
    const consoleErrors = watchConsoleErrors(page)
    const preview = page.locator('#watermark-preview img')
    assert.include(await preview.getAttribute('src'), 'placement=tiled')
    await page.locator('#field-placement').selectOption('center')
    await page.waitForFunction(() => document.querySelector('#watermark-preview img')?.getAttribute('src')?.includes('placement=center'))
    await page.waitForFunction(() => (document.querySelector('#watermark-preview img') as HTMLImageElement | null)?.naturalWidth === 1200)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'tmp/watermark-preview-390.png', fullPage: true })
    const branding = await visit('/admin/branding')
    await branding.setViewportSize({ width: 390, height: 844 })
    await branding.screenshot({ path: 'tmp/branding-390.png', fullPage: true })
    assert.deepEqual(consoleErrors, [])
  })
})
