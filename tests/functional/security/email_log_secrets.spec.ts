import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import PublishGallery from '#actions/galleries/publish_gallery'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'
import { JobWorker } from '#services/jobs/worker'

/*
| Admins read the email log; it must not hand them (or anyone who reads the database)
| a way into someone's account or gallery. The recipient's copy is untouched.
*/
test.group('Email log keeps no live secrets', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  /** Neither the stored row nor what an admin sees of it (page and HTML preview) holds `secret`. */
  async function assertMaskedEverywhere(client: ApiClient, assert: Assert, address: string, secret: string) {
    const log = await lastEmailTo(address)
    for (const stored of [log.subject, log.text ?? '', log.html ?? '']) assert.notInclude(stored, secret)
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get(`/admin/email-logs/${log.id}`).loginAs(admin)
    page.assertStatus(200)
    const preview = await client.get(`/admin/email-logs/${log.id}`).qs({ render: 'html' }).loginAs(admin)
    for (const shown of [page.text(), preview.text()]) assert.notInclude(shown, secret)
    return log
  }

  test('a password reset link is masked in the log, live for the recipient', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client.post('/forgot-password').form({ email: user.email }).withCsrfToken()
    await new JobWorker().drain()
    const link = linkIn(lastDeliveredTo(user.email!), '/reset-password/')
    const token = link.split('/').pop()!
    const log = await assertMaskedEverywhere(client, assert, user.email!, token)
    assert.include(log.text!, `/reset-password/••••${token.slice(-2)}`)
    const form = await client.get(link)
    form.assertTextIncludes('Choose a new password')
  })

  test('an invitation link is masked in the log', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await client
      .post('/admin/users')
      .form({ firstName: 'Ansel', lastName: 'Adams', email: 'ansel@example.com', role: 'photographer' })
      .loginAs(admin)
      .withCsrfToken()
    const token = linkIn(lastDeliveredTo('ansel@example.com'), '/reset-password/').split('/').pop()!
    assert.isAbove(token.length, 30)
    await assertMaskedEverywhere(client, assert, 'ansel@example.com', token)
  })

  test('an email-verification link is masked in the log', async ({ client, assert }) => {
    const user = await UserFactory.apply('unverified').create()
    await client.post('/verify-email').loginAs(user).withCsrfToken()
    const token = linkIn(lastDeliveredTo(user.email!), '/verify-email/').split('/').pop()!
    assert.isAbove(token.length, 30)
    await assertMaskedEverywhere(client, assert, user.email!, token)
  })

  test("a gallery's access code is masked in the log of the publish email", async ({ client, assert }) => {
    const { family, gallery } = await createFamilyGallery({ state: 'draft' })
    const published = await PublishGallery.handle(actors.system('test'), gallery, { notify: true })
    assert.isTrue(published.ok)
    assert.include(lastDeliveredTo(family.email!).text!, gallery.accessCode)
    const log = await assertMaskedEverywhere(client, assert, family.email!, gallery.accessCode)
    assert.include(log.text!, `••••${gallery.accessCode.slice(-2)}`)
  })
})
