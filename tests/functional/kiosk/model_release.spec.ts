import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { createHash, randomUUID } from 'node:crypto'
import ModelRelease from '#models/model_release'
import SessionChild from '#models/session_child'
import { UserFactory } from '#database/factories/user_factory'
import { resetRateLimits } from '#tests/support/throttle'
import { truncateAfterEach } from '#tests/support/truncate'
import { KIOSK_COOKIE, pairedTablet, releaseTemplate, signatureDataUrl, staffWithPin, todaysSession } from '#tests/support/kiosk'

async function childIdsOf(sessionId: string) {
  return (await SessionChild.query().where('photo_session_id', sessionId).orderBy('created_at')).map((row) => row.childId)
}

test.group('Kiosk: model releases', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the parent reads the release for each child, signs with a finger, and the board stops flagging it', async ({ client, assert }) => {
    const { token, device } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo', 'Zoe'])

    const before = await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    before.assertTextIncludes('Model release unsigned')
    const form = await client.get(`/kiosk/sessions/${session.id}/model-releases/new`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    form.assertStatus(200)
    form.assertTextIncludes('I, Maya Rivera, parent of Leo, allow')
    form.assertTextIncludes('I, Maya Rivera, parent of Zoe, allow')

    const signature = await signatureDataUrl()
    const response = await client
      .post(`/kiosk/sessions/${session.id}/model-releases`)
      .form({ 'childIds[]': await childIdsOf(session.id), signerName: 'Maya Rivera', signature, idempotencyKey: randomUUID() })
      .loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    response.assertStatus(303)
    assert.equal(response.flashMessages().success, 'Model release signed by Maya Rivera.')

    const releases = await ModelRelease.query().where('photo_session_id', session.id).preload('child').orderBy('created_at')
    assert.sameMembers(releases.map((release) => release.child.firstName), ['Leo', 'Zoe'])
    for (const release of releases) {
      assert.equal(release.signerName, 'Maya Rivera')
      assert.equal(release.kioskDeviceId, device.id)
      assert.equal(release.staffUserId, staff.id)
      assert.equal(release.bodySha256, createHash('sha256').update(release.body).digest('hex'))
      assert.include(release.body, `parent of ${release.child.firstName}`)
      const stored = Buffer.from(await drive.use().getBytes(release.signatureKey))
      assert.equal(`data:image/png;base64,${stored.toString('base64')}`, signature)
    }

    const card = await client.get(`/kiosk/sessions/${session.id}`).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    card.assertTextIncludes('signed by Maya Rivera')
    card.assertTextIncludes(releases[0].bodySha256)
    const after = await client.get('/kiosk').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token)
    assert.notInclude(after.text(), 'Model release unsigned')
  })

  test('a double submit, or a second submit for a released child, signs once', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const signature = await signatureDataUrl()
    const key = randomUUID()
    const childIds = await childIdsOf(session.id)
    const submit = (idempotencyKey: string) =>
      client.post(`/kiosk/sessions/${session.id}/model-releases`).form({ 'childIds[]': childIds, signerName: 'Maya Rivera', signature, idempotencyKey })
        .loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    ;(await submit(key)).assertStatus(303)
    const again = await submit(key)
    again.assertStatus(303)
    assert.equal(again.flashMessages().success, 'That release was already signed.')
    ;(await submit(randomUUID())).assertStatus(303)
    assert.lengthOf(await ModelRelease.query().where('photo_session_id', session.id), 1)
  })

  test('no signature, no name or a child from another session: 422 with field errors, nothing signed', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const other = await todaysSession('11:00', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    const post = (body: Record<string, unknown>) =>
      client.post(`/kiosk/sessions/${session.id}/model-releases`).json(body).accept('json').loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken()
    const blank = await post({ childIds: await childIdsOf(session.id), signerName: '', signature: '', idempotencyKey: randomUUID() })
    blank.assertStatus(422)
    assert.sameMembers(blank.body().errors.map((error: { field: string }) => error.field), ['signerName', 'signature'])
    const stranger = await post({ childIds: await childIdsOf(other.id), signerName: 'Maya Rivera', signature: await signatureDataUrl(), idempotencyKey: randomUUID() })
    stranger.assertStatus(422)
    assert.equal(stranger.body().errors[0].field, 'childIds')
    assert.lengthOf(await ModelRelease.all(), 0)
  })

  test('the family sees its signed release in the portal; another family cannot open the signature', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    await client.post(`/kiosk/sessions/${session.id}/model-releases`)
      .form({ 'childIds[]': await childIdsOf(session.id), signerName: 'Maya Rivera', signature: await signatureDataUrl(), idempotencyKey: randomUUID() })
      .loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    const release = await ModelRelease.query().where('photo_session_id', session.id).firstOrFail()
    await session.load('user')

    const page = await client.get(`/portal/sessions/${session.id}`).loginAs(session.user)
    page.assertStatus(200)
    page.assertTextIncludes('signed by Maya Rivera')
    const own = await client.get(`/portal/model-releases/${release.id}/signature`).loginAs(session.user)
    own.assertStatus(200)
    own.assertHeader('content-type', 'image/png')

    const stranger = await UserFactory.apply('customer').create()
    ;(await client.get(`/portal/model-releases/${release.id}/signature`).loginAs(stranger)).assertStatus(404)

    const admin = await UserFactory.apply('admin').create()
    const studio = await client.get(`/admin/sessions/${session.id}`).loginAs(admin)
    studio.assertTextIncludes('signed by Maya Rivera')
    ;(await client.get(`/admin/model-releases/${release.id}/signature`).loginAs(admin)).assertStatus(200)
    // A customer is not front-desk staff: the tablet's release form is not theirs to open.
    const customerAtDesk = await client.get(`/kiosk/sessions/${session.id}/model-releases/new`).loginAs(stranger).withEncryptedCookie(KIOSK_COOKIE, token)
    customerAtDesk.assertStatus(403)
    assert.lengthOf(await ModelRelease.all(), 1)
  })
})

test.group('Kiosk: model releases under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)
  group.each.setup(() => resetRateLimits())

  test('two submits of the same release at once sign it once', async ({ client, assert }) => {
    const { token } = await pairedTablet()
    const staff = await staffWithPin()
    await releaseTemplate()
    const session = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const body = { 'childIds[]': await childIdsOf(session.id), signerName: 'Maya Rivera', signature: await signatureDataUrl(), idempotencyKey: randomUUID() }
    const submit = () => client.post(`/kiosk/sessions/${session.id}/model-releases`).form(body).loginAs(staff).withEncryptedCookie(KIOSK_COOKIE, token).withCsrfToken().redirects(0)
    const responses = await Promise.all([submit(), submit(), submit()])
    for (const response of responses) response.assertStatus(303)
    assert.lengthOf(await ModelRelease.query().where('photo_session_id', session.id), 1)
  })
})
