import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

/** The sidebar's links on a studio page, as hrefs. */
function sidebarLinks(html: string) {
  const sidebar = html.match(/<aside class="admin-sidebar"[\s\S]*?<\/aside>/)?.[0] ?? ''
  return [...sidebar.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1].replace(/&amp;/g, '&'))
}

test.group('Studio sidebar: every link opens for the one who sees it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [role, page, expected] of [
    ['staff', '/admin/orders', ['/studio', '/kiosk', '/admin/orders', '/admin/print-queue']],
    ['photographer', '/admin/sessions', ['/photographer', '/admin/calendar', '/admin/sessions', '/admin/galleries']],
  ] as const) {
    test(`${role}: the sidebar lists only what a ${role} may open`, async ({ client, assert }) => {
      const user = await UserFactory.apply(role).create()
      const response = await client.get(page).loginAs(user)
      response.assertStatus(200)
      const links = sidebarLinks(response.text()).filter((href) => href !== '/logout')
      assert.includeMembers(links, [...expected])
      for (const href of links) {
        const opened = await client.get(href).loginAs(user).redirects(0)
        assert.isBelow(opened.status(), 400, `${role} → ${href} answered ${opened.status()}`)
      }
    })
  }
})
