import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'

/*
| Record ids in URLs are UUIDs. A mistyped or probing id is a 404 everywhere, on
| PostgreSQL too, whose uuid type used to turn it into a 500 before any controller
| guard ran.
*/
test.group('Ids in URLs that are not UUIDs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const notIds = ['not-a-uuid', '12345', "1'or'1'='1", '00000000-0000-0000-0000-00000000000g']

  test('admin pages answer 404 (users, email log, galleries, gallery photos, access log)', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.create()
    for (const bad of notIds) {
      const id = encodeURIComponent(bad)
      for (const url of [
        `/admin/users/${id}/edit`,
        `/admin/email-logs/${id}`,
        `/admin/galleries/${id}`,
        `/admin/galleries/${id}/edit`,
        `/admin/galleries/${id}/photos`,
        `/admin/galleries/${id}/access-log`,
      ]) {
        const response = await client.get(url).loginAs(admin)
        assert.equal(response.status(), 404, url)
      }
      const update = await client.put(`/admin/users/${id}`).form({ firstName: 'A', lastName: 'B', role: 'staff' }).loginAs(admin).withCsrfToken()
      update.assertStatus(404)
      const deactivate = await client.post(`/admin/users/${id}/deactivation`).loginAs(admin).withCsrfToken()
      deactivate.assertStatus(404)
      const photo = await client.patch(`/admin/galleries/${gallery.id}/photos/${id}`).form({ hidden: 'true' }).loginAs(admin).withCsrfToken()
      photo.assertStatus(404)
    }
  })

  test("a family's pages answer 404", async ({ client }) => {
    const customer = await UserFactory.create()
    for (const bad of notIds) {
      const response = await client.get(`/portal/galleries/${encodeURIComponent(bad)}/access-log`).loginAs(customer)
      response.assertStatus(404)
    }
  })

  test('a real id that does not exist is a 404 too', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/users/4f1c2d3e-0a1b-4c2d-9e8f-0123456789ab/edit').loginAs(admin)
    response.assertStatus(404)
  })
})
