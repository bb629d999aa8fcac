import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ModelRelease from '#models/model_release'
import PhotoSession from '#models/photo_session'
import { watchConsoleErrors } from '#tests/support/browser'
import { resetRateLimits } from '#tests/support/throttle'
import { releaseTemplate, staffWithPin, todaysSession } from '#tests/support/kiosk'
import { drawSignature, pairAndSignIn } from '#tests/support/kiosk_browser'

test.group('Journey: self-service check-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a family checks itself in with the QR token, signs the release, and only a staff PIN unlocks the tablet', async ({ visit, assert }) => {
    await staffWithPin('2468', 'Dana')
    await releaseTemplate()
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo', 'Zoe'])
    await todaysSession('10:30', { first: 'Sam', last: 'Okafor' }, ['Ada'])

    const page = await visit('/kiosk/pairing')
    const errors = watchConsoleErrors(page)
    await pairAndSignIn(page, 'Dana')
    await page.getByRole('button', { name: 'Self-service mode' }).click()
    await page.waitForURL('**/kiosk/self-service')

    // The scanner puts the QR code's value (the check-in token) in the field and submits it.
    await page.getByLabel('Session number').fill(rivera.checkInToken!)
    await page.getByRole('button', { name: 'Find my session' }).click()
    await page.getByRole('heading', { name: 'Hello, Maya!' }).waitFor()
    assert.notInclude(await page.locator('main').innerText(), 'Okafor')
    for (const name of ['Leo', 'Zoe']) assert.isTrue(await page.getByLabel(name).isChecked())

    await page.getByLabel('Your full name (parent or guardian)').fill('Maya Rivera')
    await drawSignature(page)
    const submit = page.getByRole('button', { name: 'Sign and check in' })
    assert.isAtLeast((await submit.boundingBox())!.height, 48)
    await submit.click()
    await page.getByRole('heading', { name: "You're checked in, Maya!" }).waitFor()

    assert.equal((await PhotoSession.findOrFail(rivera.id)).status, 'checked_in')
    assert.lengthOf(await ModelRelease.query().where('photo_session_id', rivera.id), 2)

    // The board is out of reach until a staff PIN ends the mode.
    await page.goto('/kiosk')
    await page.waitForURL('**/kiosk/self-service')
    await page.getByRole('link', { name: 'Staff' }).click()
    await page.getByLabel('PIN', { exact: true }).fill('2468')
    await page.getByRole('button', { name: 'Leave self-service' }).click()
    await page.waitForURL('**/kiosk')
    await page.locator(`[data-session-id="${rivera.id}"] [data-status="checked_in"]`).waitFor()
    assert.deepEqual(errors, [])
  })
})
