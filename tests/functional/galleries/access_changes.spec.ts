import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import GalleryVisitorPass from '#models/gallery_visitor_pass'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { resetRateLimits } from '#tests/support/throttle'
import { createFamilyGallery, createVisitor, visitorTokenFrom } from '#tests/support/family_gallery'
import { visitorCookieName } from '#controllers/site/gallery_access'
import type { ApiClient } from '@japa/api-client'

const path = (gallery: Gallery) => `/g/${gallery.slug}`

/** The settings form as the studio sends it, with `changes` applied. */
function settingsOf(gallery: Gallery, changes: Record<string, string> = {}) {
  return {
    name: gallery.name,
    slug: gallery.slug,
    accessCode: gallery.accessCode,
    ...(gallery.downloadEnabled ? { downloadEnabled: 'true' } : {}),
    ...(gallery.watermarkEnabled ? { watermarkEnabled: 'true' } : {}),
    ...(gallery.socialShareEnabled ? { socialShareEnabled: 'true' } : {}),
    ...(gallery.publicShareEnabled ? { publicShareEnabled: 'true' } : {}),
    ...changes,
  }
}

/** What the studio does to a gallery, through its own pages. */
const CHANGES: Record<string, (client: ApiClient, admin: User, gallery: Gallery) => Promise<unknown>> = {
  'a new access code': (client, admin, gallery) =>
    client.put(`/admin/galleries/${gallery.id}`).form(settingsOf(gallery, { accessCode: 'NEWCQDE234' })).loginAs(admin).withCsrfToken(),
  'a password added': (client, admin, gallery) =>
    client.put(`/admin/galleries/${gallery.id}`).form(settingsOf(gallery, { password: 'blue-lagoon-7' })).loginAs(admin).withCsrfToken(),
  'public share turned off': (client, admin, gallery) => {
    const { publicShareEnabled, ...off } = settingsOf(gallery)
    return client.put(`/admin/galleries/${gallery.id}`).form(off).loginAs(admin).withCsrfToken()
  },
  'unpublishing': (client, admin, gallery) => client.delete(`/admin/galleries/${gallery.id}/publication`).loginAs(admin).withCsrfToken(),
  'deleting': (client, admin, gallery) => client.delete(`/admin/galleries/${gallery.id}`).loginAs(admin).withCsrfToken(),
}

test.group('Gallery access: a change of the way in ends every visitor’s access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  for (const [change, make] of Object.entries(CHANGES)) {
    test(`${change}: every visitor's browser and remembered code are out at once`, async ({ client, assert }) => {
      const { gallery } = await createFamilyGallery({ merge: { publicShareEnabled: true } })
      const admin = await UserFactory.apply('admin').create()
      const grandma = await createVisitor(gallery, 'grandma@example.com')
      const uncle = await createVisitor(gallery, 'uncle@example.com')
      const remembered = { gallery_codes: { [gallery.id]: gallery.accessVersion } }
      for (const { cookie } of [grandma, uncle]) (await client.get(path(gallery)).withEncryptedCookie(...cookie)).assertTextIncludes('photo-grid')

      await make(client, admin, gallery)

      for (const { cookie } of [grandma, uncle]) {
        const page = await client.get(path(gallery)).withEncryptedCookie(...cookie)
        assert.notInclude(page.text(), 'photo-grid', change)
      }
      if (change === 'unpublishing') {
        // Published again, the old passes still do not open it.
        await client.post(`/admin/galleries/${gallery.id}/publication`).loginAs(admin).withCsrfToken()
        const again = await client.get(path(gallery)).withEncryptedCookie(...grandma.cookie)
        again.assertStatus(200)
        again.assertTextIncludes('This gallery is private')
      }
      if (change !== 'unpublishing' && change !== 'deleting') {
        // The code remembered from /g no longer skips the code field.
        const form = await client.get(path(gallery)).withSession(remembered)
        form.assertTextIncludes('name="code"')
      }
    })
  }

  test('the signed-in family stays in when the code changes', async ({ client }) => {
    const { gallery, family } = await createFamilyGallery()
    const admin = await UserFactory.apply('admin').create()
    await CHANGES['a new access code'](client, admin, gallery)
    const page = await client.get(path(gallery)).loginAs(family)
    page.assertTextIncludes('photo-grid')
  })

  test('renaming the gallery or changing its selection limit keeps visitors in', async ({ client }) => {
    const { gallery } = await createFamilyGallery()
    const admin = await UserFactory.apply('admin').create()
    const { cookie } = await createVisitor(gallery)
    await client.put(`/admin/galleries/${gallery.id}`).form(settingsOf(gallery, { name: 'Renamed', selectionLimit: '5' })).loginAs(admin).withCsrfToken()
    const page = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    page.assertTextIncludes('photo-grid')
  })
})

test.group('Gallery access: each browser its own pass', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('entering with the same email on a second browser never signs the first one out', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const enter = () =>
      client.post(`${path(gallery)}/visitors`).form({ code: gallery.accessCode, email: 'mum@example.com' }).withCsrfToken().redirects(0)
    const phone = visitorTokenFrom(await enter(), gallery)!
    const laptop = visitorTokenFrom(await enter(), gallery)!
    assert.notEqual(phone, laptop)
    for (const token of [phone, laptop]) {
      const page = await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), token)
      page.assertTextIncludes('photo-grid')
    }
  })
})

test.group('Gallery access: signing out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('signing out clears the gallery cookies and remembered codes, and the copied cookies stop working', async ({ client, assert }) => {
    const first = await createFamilyGallery()
    const second = await createFamilyGallery()
    const grandma = await UserFactory.merge({ email: 'grandma@example.com' }).create()
    const one = await createVisitor(first.gallery, 'grandma@example.com')
    const two = await createVisitor(second.gallery, 'grandma@example.com')

    const response = await client
      .post('/logout')
      .loginAs(grandma)
      .withEncryptedCookie(...one.cookie)
      .withEncryptedCookie(...two.cookie)
      .withSession({ gallery_codes: { [first.gallery.id]: first.gallery.accessVersion } })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    for (const { cookie } of [one, two]) {
      const cleared = response.cookie(cookie[0])
      assert.exists(cleared, `${cookie[0]} is cleared`)
      assert.isTrue(cleared!.maxAge === -1 || cleared!.maxAge === 0 || (cleared!.expires?.getTime() ?? Infinity) < Date.now())
    }
    assert.isUndefined(response.session().gallery_codes)
    assert.lengthOf(await GalleryVisitorPass.all(), 0)

    // A cookie copied before signing out no longer opens the gallery.
    const replayed = await client.get(path(first.gallery)).withEncryptedCookie(...one.cookie)
    replayed.assertTextIncludes('This gallery is private')
  })
})
