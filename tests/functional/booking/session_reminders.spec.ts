import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import CommandRun from '#models/command_run'
import PhotoSession from '#models/photo_session'
import SessionsRemind from '#commands/sessions_remind'
import SendSessionReminders from '#actions/sessions/send_session_reminders'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { UserFactory } from '#database/factories/user_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { bookableStudio, STUDIO_ZONE } from '#tests/support/booking'

const AHEAD = 'emails/session/reminder'

/** A session at a studio time, booked `bookedDaysBefore` days before it. */
async function sessionAt(startsAt: DateTime, options: { bookedDaysBefore?: number; status?: 'booked' | 'confirmed' | 'cancelled' } = {}) {
  const family = await UserFactory.create()
  const pkg = await PackageFactory.merge({ name: 'Headliner', preparationChecklist: 'Bring two outfits\nFavourite band T-shirt' }).create()
  const bookedAt = startsAt.minus({ days: options.bookedDaysBefore ?? 10 })
  const session = await PhotoSessionFactory.merge({
    userId: family.id,
    packageId: pkg.id,
    startsAt: startsAt.toLocal(),
    status: options.status ?? 'confirmed',
    createdAt: bookedAt,
  }).create()
  return { family, session }
}

async function remindersTo(email: string) {
  return EmailLog.query().where('to', email).where('template_key', AHEAD).orderBy('created_at')
}

test.group('sessions:remind', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('two days ahead with the checklist, then on the morning; each once however often it runs', async ({ assert }) => {
    await bookableStudio()
    const monday9 = DateTime.fromISO('2031-03-10T09:00', { zone: STUDIO_ZONE })
    const { family, session } = await sessionAt(monday9.plus({ days: 1 }).set({ hour: 15 }))
    const other = await sessionAt(monday9.plus({ days: 5 }))

    const first = await SendSessionReminders.handle({ now: monday9 })
    assert.deepEqual(first.ahead.map((s) => s.id), [session.id])
    assert.lengthOf(first.today, 0)
    const again = await SendSessionReminders.handle({ now: monday9.plus({ hours: 1 }) })
    assert.lengthOf(again.ahead, 0)
    const [ahead] = await remindersTo(family.email!)
    assert.include(ahead.subject, 'See you soon')
    assert.include(ahead.text!, 'Bring two outfits')
    assert.include(ahead.text!, 'Favourite band T-shirt')
    assert.notInclude(ahead.text!, session.checkInToken!)

    // The day itself: nothing before 7:00, then the morning reminder once.
    const day = session.startsAt.setZone(STUDIO_ZONE).startOf('day')
    assert.lengthOf((await SendSessionReminders.handle({ now: day.set({ hour: 6, minute: 30 }) })).today, 0)
    assert.deepEqual((await SendSessionReminders.handle({ now: day.set({ hour: 7, minute: 5 }) })).today.map((s) => s.id), [session.id])
    assert.lengthOf((await SendSessionReminders.handle({ now: day.set({ hour: 8 }) })).today, 0)
    const mails = await remindersTo(family.email!)
    assert.lengthOf(mails, 2)
    assert.include(mails[1].subject, 'Today at 3:00 PM')
    assert.lengthOf(await remindersTo(other.family.email!), 0)
  })

  test('no reminder for cancelled sessions, nor the early one for a session booked inside the window; a missed run sends only the morning one', async ({ assert }) => {
    await bookableStudio()
    const now = DateTime.fromISO('2031-03-10T10:00', { zone: STUDIO_ZONE })
    const late = await sessionAt(now.plus({ days: 1, hours: 2 }), { bookedDaysBefore: 1 })
    const cancelled = await sessionAt(now.plus({ days: 1, hours: 3 }), { status: 'cancelled' })
    const missed = await sessionAt(now.plus({ hours: 5 }))

    const result = await SendSessionReminders.handle({ now })
    assert.lengthOf(result.ahead, 0)
    assert.deepEqual(result.today.map((s) => s.id), [missed.session.id])
    assert.lengthOf(await remindersTo(late.family.email!), 0)
    assert.lengthOf(await remindersTo(cancelled.family.email!), 0)
    const [only] = await remindersTo(missed.family.email!)
    assert.include(only.subject, 'Today at')
  })

  test('the command prints counts, writes a command run, and --dry-run sends nothing', async ({ assert }) => {
    await bookableStudio()
    const { family } = await sessionAt(DateTime.now().setZone(STUDIO_ZONE).plus({ hours: 30 }))
    const dry = await ace.create(SessionsRemind, ['--dry-run'])
    dry.ui.switchMode('raw')
    await dry.exec()
    dry.assertSucceeded()
    dry.assertTableRows([['Days ahead', '1'], ['This morning', '0'], ['Emails sent', '0']])
    assert.lengthOf(await remindersTo(family.email!), 0)

    const run = await ace.create(SessionsRemind, [])
    run.ui.switchMode('raw')
    await run.exec()
    run.assertSucceeded()
    run.assertTableRows([['Days ahead', '1'], ['This morning', '0'], ['Emails sent', '1']])
    assert.lengthOf(await remindersTo(family.email!), 1)
    const runs = await CommandRun.query().where('command', 'sessions:remind').orderBy('started_at')
    assert.lengthOf(runs, 2)
    assert.deepInclude(runs[1].summary!, { dry_run: false, ahead: 1, emails: 1 })
  })
})

test.group('sessions:remind under concurrency', (group) => {
  group.each.teardown(() => truncateAfterEach())

  test('two runs at once send each reminder once', async ({ assert }) => {
    await bookableStudio()
    const now = DateTime.fromISO('2031-03-10T09:00', { zone: STUDIO_ZONE })
    const sessions = []
    for (let i = 0; i < 4; i++) sessions.push(await sessionAt(now.plus({ days: 1, hours: 3 + i })))
    const [a, b] = await Promise.all([SendSessionReminders.handle({ now }), SendSessionReminders.handle({ now })])
    assert.equal(a.ahead.length + b.ahead.length, 4)
    for (const { family, session } of sessions) {
      assert.lengthOf(await remindersTo(family.email!), 1)
      assert.isNotNull((await PhotoSession.findOrFail(session.id)).reminderSentAt)
    }
  })
})
