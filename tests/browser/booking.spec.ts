import { test } from '@japa/runner'
import type { Page } from 'playwright'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import SessionReschedule from '#models/session_reschedule'
import EmailLog from '#models/email_log'
import BookSession from '#actions/booking/book_session'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import { watchConsoleErrors } from '#tests/support/browser'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { JobWorker } from '#services/jobs/worker'
import { at, bookableStudio, familyWith, readyDraft, slotValue, STUDIO_ZONE } from '#tests/support/booking'
import type { DateTime } from 'luxon'

/** Opens the calendar on the month of `day` and picks that day (htmx swaps the slots in). */
async function pickDay(page: Page, day: DateTime) {
  const label = day.toFormat('LLLL yyyy')
  for (let i = 0; i < 3 && !(await page.locator('#month-label').textContent())?.includes(label); i++) {
    await page.getByRole('link', { name: 'Next month' }).click()
    await page.waitForFunction((text) => document.querySelector('#month-label')?.textContent?.includes(text), label)
  }
  await page.locator(`td[data-date="${day.toISODate()}"] a`).click()
  await page.waitForFunction((text) => document.querySelector('#slots-label')?.textContent?.includes(text), day.toFormat('LLLL d'))
}

/** The page fits a phone: nothing wider than the screen. */
async function assertFitsPhone(page: Page, assert: any, step: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.isAtMost(width, 390, `${step} is ${width}px wide`)
  await page.screenshot({ path: app.tmpPath(`screenshots/booking-phone-${step}.png`), fullPage: true })
}

test.group('Journey: booking', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest books a two-child package and signs up on the way', async ({ visit, assert }) => {
    const { pkg } = await bookableStudio({ photographers: 2 })
    const day = at(9, '00:00')
    const page = await visit('/packages')
    const consoleErrors = watchConsoleErrors(page)
    await page.locator('#main').getByRole('link', { name: 'Book', exact: true }).click()
    await page.assertTextContains('h1', 'Book a photo session')
    await page.getByRole('button', { name: 'Continue' }).click()

    // Step 2: two children added inline (htmx keeps the page, and ticks them).
    for (const [index, firstName] of ['Ziggy', 'Joan'].entries()) {
      if (index > 0) await page.getByText('Add a child', { exact: true }).click()
      await page.getByLabel('First name').fill(firstName)
      await page.getByLabel('Last name').fill('Stardust')
      await page.getByRole('button', { name: 'Add this child' }).click()
      await page.waitForFunction((name) => document.querySelector('#children-form')?.textContent?.includes(`${name} Stardust`), firstName)
    }
    assert.equal(await page.locator('#children-form input[type="checkbox"]:checked').count(), 2)
    await page.getByRole('button', { name: 'Continue' }).click()

    // Step 3: a day on the month calendar, then a time and a photographer.
    await pickDay(page, day)
    await page.locator(`label.slot:has(input[value="${slotValue(day.set({ hour: 14 }))}"])`).click()
    await page.getByLabel('Photographer').selectOption({ label: 'Any photographer' })
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByLabel('Styling notes for Ziggy Stardust').fill('Lightning bolt make-up')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('Deposit now, balance later').click()
    await page.getByRole('button', { name: 'Continue' }).click()

    // Step 6: the review, then the account.
    await page.assertTextContains('.summary', 'Ziggy Stardust, Joan Stardust')
    await page.assertTextContains('.summary', '$100.00 now')
    await page.getByLabel('Your first name').fill('Angie')
    await page.getByLabel('Your last name').fill('Stardust')
    await page.getByLabel('Email', { exact: true }).fill('angie@example.com')
    await page.getByLabel('Password', { exact: true }).fill('glam rock forever')
    await page.getByLabel('Repeat the password').fill('glam rock forever')
    await page.getByRole('button', { name: 'Create account', exact: true }).click()
    await page.assertTextContains('.notice', 'We emailed a link to angie@example.com')

    // The emailed link, opened in this browser, confirms the address and comes back to the review.
    await new JobWorker().drain()
    await page.goto(linkIn(lastDeliveredTo('angie@example.com'), '/verify-email/'))
    await page.getByRole('button', { name: 'Confirm my email' }).click()
    await page.assertTextContains('.flash', 'Welcome, Angie!')
    await page.assertTextContains('.summary', 'Ziggy Stardust, Joan Stardust')
    await page.getByRole('button', { name: 'Confirm booking' }).click()

    await page.assertTextContains('.flash', "You're booked!")
    await page.assertExists('.qr svg')
    await page.assertExists('a:has-text("Add to calendar")')
    const family = await User.findByOrFail('email', 'angie@example.com')
    const session = await PhotoSession.query().where('user_id', family.id).preload('children').firstOrFail()
    assert.sameMembers(session.children.map((c) => c.firstName), ['Ziggy', 'Joan'])
    assert.equal(session.startsAt.setZone(STUDIO_ZONE).toFormat('yyyy-MM-dd HH:mm'), `${day.toISODate()} 14:00`)
    assert.equal(session.packageId, pkg.id)
    assert.exists(await EmailLog.query().where('to', 'angie@example.com').where('template_key', 'emails/session/booked').first())

    // The family timeline shows it.
    await page.getByRole('link', { name: 'Home' }).click()
    await page.assertTextContains('#timeline', session.sessionNumber)
    assert.deepEqual(consoleErrors, [])
  })

  test('a customer reschedules from the portal', async ({ browserContext, visit, assert }) => {
    const { pkg } = await bookableStudio()
    const { family, children } = await familyWith(1)
    const draft = await readyDraft(family, pkg, at(12, '10:00'), { childIds: [children[0].id] })
    const booked = await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 10_000 })
    assert.isTrue(booked.ok)
    const session = (booked as { session: PhotoSession }).session
    await browserContext.loginAs(family)
    const page = await visit(`/portal/sessions/${session.id}`)
    const consoleErrors = watchConsoleErrors(page)
    await page.getByRole('link', { name: 'Reschedule' }).click()
    await pickDay(page, at(14, '00:00'))
    await page.locator(`label.slot:has(input[value="${slotValue(at(14, '15:30'))}"])`).click()
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.assertTextContains('.flash', 'Your session is moved')
    await page.assertTextContains('.card__title >> nth=0', at(14, '15:30').toFormat('cccc, LLLL d, yyyy'))
    await session.refresh()
    assert.equal(session.startsAt.toMillis(), at(14, '15:30').toMillis())
    assert.exists(await EmailLog.query().where('to', family.email!).where('template_key', 'emails/session/rescheduled').first())
    assert.deepEqual(consoleErrors, [])
  })

  test('an admin drags a session in the week view, and overrides the hours with a reason', async ({ browserContext, visit, assert }) => {
    const { pkg } = await bookableStudio()
    const admin = await UserFactory.apply('admin').create()
    const { family, children } = await familyWith(1)
    const start = at(4, '10:00')
    const draft = await readyDraft(family, pkg, start, { childIds: [children[0].id] })
    const session = ((await BookSession.handle(actors.user(family), draft, family, { total: 40_000, dueNow: 10_000 })) as { session: PhotoSession }).session
    await browserContext.loginAs(admin)
    const page = await visit(`/admin/calendar?view=week&date=${start.toISODate()}`)
    // Tall enough that the whole day shows: a drag has nothing to scroll.
    await page.setViewportSize({ width: 1400, height: 1600 })
    const consoleErrors = watchConsoleErrors(page)
    const block = `[data-session-id="${session.id}"]`
    const cell = (time: DateTime) => `[data-drop-at="${time.setZone(STUDIO_ZONE).toISO({ suppressMilliseconds: true })}"]`

    await page.dragAndDrop(block, cell(at(4, '13:00')))
    await page.waitForFunction((number) => document.querySelector('#move-status')?.textContent?.includes(`${number} moved`), session.sessionNumber)
    await session.refresh()
    assert.equal(session.startsAt.toMillis(), at(4, '13:00').toMillis())
    await page.waitForSelector(`${block}:has-text("1:00")`)

    // 16:30 + 60 minutes runs past closing: the studio is asked why, and moves it anyway.
    await page.dragAndDrop(block, cell(at(4, '16:30')))
    await page.waitForSelector('#move-dialog[open]')
    await page.assertTextContains('#move-dialog-message', 'Choose one of the listed times')
    await page.getByLabel(/^Why/).fill('Family comes after school')
    await page.getByRole('button', { name: 'Override and move' }).click()
    await page.waitForSelector(`${block}:has-text("4:30")`)
    await session.refresh()
    assert.equal(session.startsAt.toMillis(), at(4, '16:30').toMillis())
    const record = await SessionReschedule.query().where('photo_session_id', session.id).where('overridden', true).firstOrFail()
    assert.equal(record.reason, 'Family comes after school')
    // The refusal that opened the dialog is a 422 the browser reports; nothing else went wrong.
    assert.deepEqual(consoleErrors.filter((error) => !error.includes('status of 422')), [])
  })

  test('the booking flow works on a phone (390×844)', async ({ browserContext, visit, assert }) => {
    await bookableStudio({ photographers: 2 })
    const { family } = await familyWith(1)
    await browserContext.loginAs(family)
    const page = await visit('/packages')
    await page.setViewportSize({ width: 390, height: 844 })
    const consoleErrors = watchConsoleErrors(page)
    await assertFitsPhone(page, assert, '0-packages')
    await page.locator('#main').getByRole('link', { name: 'Book', exact: true }).click()
    await assertFitsPhone(page, assert, '1-package')
    await page.getByRole('button', { name: 'Continue' }).click()
    await assertFitsPhone(page, assert, '2-children')
    await page.locator('#children-form input[type="checkbox"]').first().check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await pickDay(page, at(6, '00:00'))
    await assertFitsPhone(page, assert, '3-time')
    await page.locator(`label.slot:has(input[value="${slotValue(at(6, '11:00'))}"])`).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await assertFitsPhone(page, assert, '4-notes')
    await page.getByRole('button', { name: 'Continue' }).click()
    await assertFitsPhone(page, assert, '5-payment')
    await page.getByText('Pay in full').click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await assertFitsPhone(page, assert, '6-review')
    await page.getByRole('button', { name: 'Confirm booking' }).click()
    await page.assertTextContains('.flash', "You're booked!")
    await assertFitsPhone(page, assert, '7-booked')
    assert.lengthOf(await PhotoSession.query().where('user_id', family.id), 1)
    assert.deepEqual(consoleErrors, [])
  })
})
