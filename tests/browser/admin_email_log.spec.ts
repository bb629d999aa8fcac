import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import { UserFactory } from '#database/factories/user_factory'

test.group('Admin: reading a sent email', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const width of [390, 1280]) {
    test(`the email's preview takes the page's width at ${width} px`, async ({ visit, browserContext, assert }) => {
      const admin = await UserFactory.apply('admin').create()
      const log = await EmailLog.create({ to: 'mira@example.com', subject: 'Your gallery is ready', status: 'sent', html: '<p>Hello Mira, your photos are here.</p>', text: 'Hello Mira' })
      await browserContext.loginAs(admin)
      const page = await visit(`/admin/email-logs/${log.id}`)
      await page.setViewportSize({ width, height: 900 })
      const frame = (await page.locator('iframe.preview-frame').boundingBox())!
      const main = (await page.locator('main').boundingBox())!
      assert.isAbove(frame.width, main.width * 0.8, `the preview is ${frame.width} px wide in a ${main.width} px page`)
      assert.isAtMost(frame.x + frame.width, width)
      await page.screenshot({ path: `tmp/email-log-${width}.png` })
    })
  }
})
