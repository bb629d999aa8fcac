import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import UserToken from '#models/user_token'
import EmailLog from '#models/email_log'
import { UserFactory } from '#database/factories/user_factory'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'
import { JobWorker } from '#services/jobs/worker'

const NEW_PASSWORD = 'a brand new passphrase'

async function requestReset(client: any, email: string) {
  await client.post('/forgot-password').form({ email }).withCsrfToken()
  await new JobWorker().drain()
  return linkIn(lastDeliveredTo(email), '/reset-password/')
}

test.group('Password reset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the emailed link sets a new password, once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const link = await requestReset(client, user.email!)

    const form = await client.get(link)
    form.assertStatus(200)
    form.assertTextIncludes('Choose a new password')

    const reset = await client
      .post(link)
      .form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    reset.assertHeader('location', '/login')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, NEW_PASSWORD))
    assert.equal(user.sessionEpoch, 1)

    const replay = await client
      .post(link)
      .form({ password: 'yet another passphrase', password_confirmation: 'yet another passphrase' })
      .withCsrfToken()
      .redirects(0)
    replay.assertHeader('location', '/forgot-password')
    replay.assertFlashMessage('error', 'This reset link has expired or was already used. Ask for a new one.')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password!, NEW_PASSWORD))
  })

  test('a link older than one hour no longer works', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const link = await requestReset(client, user.email!)
    const token = await UserToken.query().where('userId', user.id).firstOrFail()
    assert.isTrue(token.expiresAt <= DateTime.now().plus({ hours: 1 }))
    token.expiresAt = DateTime.now().minus({ seconds: 1 })
    await token.save()

    const form = await client.get(link)
    form.assertStatus(410)
    form.assertTextIncludes('This link has expired or was already used.')
    const reset = await client
      .post(link)
      .form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    reset.assertHeader('location', '/forgot-password')
  })

  test('an unknown email gets the same answer and no email', async ({ client, assert }) => {
    const response = await client.post('/forgot-password').form({ email: 'nobody@example.com' }).withCsrfToken().redirects(0)
    response.assertFlashMessage(
      'success',
      'If nobody@example.com has an account, a link to reset the password is on its way. It works for one hour.'
    )
    assert.equal(await new JobWorker().drain(), 1)
    assert.lengthOf(await EmailLog.all(), 0)
  })

  test('only the token hash is stored', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const link = await requestReset(client, user.email!)
    const plain = link.split('/').pop()!
    const token = await UserToken.query().where('userId', user.id).firstOrFail()
    assert.notEqual(token.tokenHash, plain)
    assert.lengthOf(token.tokenHash, 64)
  })

  test('a reset signs out the sessions opened with the old password', async ({ client }) => {
    const user = await UserFactory.create()
    const link = await requestReset(client, user.email!)
    await client.post(link).form({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD }).withCsrfToken()

    const stale = await client.get('/portal').loginAs(user).withSession({ auth_epoch: 0 }).redirects(0)
    stale.assertStatus(302)
    stale.assertHeader('location', '/login')

    const fresh = await User.findOrFail(user.id)
    const current = await client.get('/portal').loginAs(fresh).withSession({ auth_epoch: fresh.sessionEpoch })
    current.assertStatus(200)
  })
})
