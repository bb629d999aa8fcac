import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import PhotoSession from '#models/photo_session'
import SessionEvent from '#models/session_event'
import { watchConsoleErrors } from '#tests/support/browser'
import { resetRateLimits } from '#tests/support/throttle'
import { staffWithPin, todaysSession } from '#tests/support/kiosk'
import { pairAndSignIn } from '#tests/support/kiosk_browser'

test.group('Journey: a flaky studio network', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('check-ins made offline wait on the tablet and are replayed once when the network returns', async ({ visit, assert }) => {
    await staffWithPin('2468', 'Dana')
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const okafor = await todaysSession('10:30', { first: 'Sam', last: 'Okafor' }, ['Ada'])

    const page = await visit('/kiosk/pairing')
    await pairAndSignIn(page, 'Dana')
    const errors = watchConsoleErrors(page)
    await page.context().setOffline(true)
    for (const session of [rivera, okafor]) {
      await page.locator(`[data-session-id="${session.id}"]`).getByRole('button', { name: 'Check in' }).click()
    }
    const banner = page.locator('#kiosk-offline')
    await banner.getByText('offline — 2 check-ins waiting').waitFor()
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('loupe.kiosk.queue') || '[]'))
    assert.lengthOf(queued, 2)
    assert.isTrue(queued.every((item: { key: string }) => item.key.length > 0))
    assert.equal((await PhotoSession.findOrFail(rivera.id)).status, 'confirmed')

    await page.context().setOffline(false)
    await banner.waitFor({ state: 'hidden' })
    for (const session of [rivera, okafor]) {
      await page.locator(`[data-session-id="${session.id}"] [data-status="checked_in"]`).waitFor()
    }

    // The same queue replayed again (a tablet that lost its note of what it sent) records nothing more.
    await page.evaluate((items) => {
      localStorage.setItem('loupe.kiosk.queue', JSON.stringify(items))
      window.dispatchEvent(new Event('online'))
    }, queued)
    await page.waitForFunction(() => localStorage.getItem('loupe.kiosk.queue') === '[]')
    for (const session of [rivera, okafor]) {
      assert.equal((await PhotoSession.findOrFail(session.id)).status, 'checked_in')
      assert.lengthOf(await SessionEvent.query().where('photo_session_id', session.id).where('to_status', 'checked_in'), 1)
    }
    // The event stream and the poll fail while offline: that is expected, nothing else may.
    assert.deepEqual(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|EventSource/i.test(error)), [])
  })

  test('a replay the server refuses is named in the bar until tapped; one sent to sign in stays queued', async ({ visit, assert }) => {
    await staffWithPin('2468', 'Dana')
    const rivera = await todaysSession('10:00', { first: 'Maya', last: 'Rivera' }, ['Leo'])
    const okafor = await todaysSession('10:30', { first: 'Sam', last: 'Okafor' }, ['Ada'])
    const page = await visit('/kiosk/pairing')
    await pairAndSignIn(page, 'Dana')
    const banner = page.locator('#kiosk-offline')

    // Checked in offline while the office cancels the session.
    await page.context().setOffline(true)
    await page.locator(`[data-session-id="${rivera.id}"]`).getByRole('button', { name: 'Check in' }).click()
    await banner.getByText('offline — 1 check-in waiting').waitFor()
    assert.isTrue(await rivera.cancel('The family is ill'))
    await page.context().setOffline(false)
    await banner.getByText(/Not recorded: .*Rivera check-in \(tap to dismiss\)/).waitFor()
    assert.equal((await PhotoSession.findOrFail(rivera.id)).status, 'cancelled')
    await banner.click()
    await banner.waitFor({ state: 'hidden' })

    // The tablet's sign-in ends while it is offline: the check-in waits for the next sign-in.
    await page.context().setOffline(true)
    await page.locator(`[data-session-id="${okafor.id}"]`).getByRole('button', { name: 'Check in' }).click()
    await page.context().clearCookies()
    await page.context().setOffline(false)
    await banner.getByText('Sign in again to send 1 check-in').waitFor()
    assert.lengthOf(await page.evaluate(() => JSON.parse(localStorage.getItem('loupe.kiosk.queue') || '[]')), 1)
    assert.equal((await PhotoSession.findOrFail(okafor.id)).status, 'confirmed')
  })
})
