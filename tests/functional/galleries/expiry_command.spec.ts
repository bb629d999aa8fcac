import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import Photo from '#models/photo'
import EmailLog from '#models/email_log'
import CommandRun from '#models/command_run'
import StudioSetting from '#models/studio_setting'
import GalleriesExpire from '#commands/galleries_expire'
import GalleriesRemind from '#commands/galleries_remind'
import ExpireGalleries from '#actions/galleries/expire_galleries'
import SendGalleryExpiryReminders from '#actions/galleries/send_gallery_expiry_reminders'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { PhotoFavoriteFactory } from '#database/factories/photo_favorite_factory'
import { DownloadFactory } from '#database/factories/download_factory'
import { truncateAfterEach } from '#tests/support/truncate'

const EXPIRED_TEMPLATE = 'emails/gallery_expired'
const EXPIRING_TEMPLATE = 'emails/gallery_expiring'

/**
 * A published gallery of a family's photo session, with a visitor who favourited a photo,
 * one who downloaded one, and one who only looked.
 */
async function galleryWithAudience(expiresAt: DateTime, name = 'Okafor family session') {
  const family = await UserFactory.merge({ email: `family.${name.split(' ')[0].toLowerCase()}@example.com` }).create()
  const photoSession = await PhotoSessionFactory.merge({ userId: family.id }).create()
  // merge, not the `published` state: states are applied after merge and would reset expiresAt
  const gallery = await GalleryFactory.merge({
    name,
    photoSessionId: photoSession.id,
    status: 'published',
    publishedAt: expiresAt.minus({ days: 30 }),
    expiresAt,
  }).create()
  const photo = await PhotoFactory.merge({ galleryId: gallery.id }).create()
  const fan = await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: `fan.${gallery.slug}@example.com` }).create()
  await PhotoFavoriteFactory.merge({ photoId: photo.id, galleryVisitorId: fan.id }).create()
  const downloader = await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: `dl.${gallery.slug}@example.com` }).create()
  await DownloadFactory.merge({ photoId: photo.id, galleryVisitorId: downloader.id }).create()
  const looker = await GalleryVisitorFactory.merge({ galleryId: gallery.id, email: `look.${gallery.slug}@example.com` }).create()
  return { gallery, family: family.email!, fan: fan.email!, downloader: downloader.email!, looker: looker.email! }
}

async function emailsTo(address: string, templateKey: string) {
  return EmailLog.query().where('to', address).where('templateKey', templateKey)
}

async function runCommand(command: typeof GalleriesExpire | typeof GalleriesRemind, argv: string[] = []) {
  const run = await ace.create(command, argv)
  run.ui.switchMode('raw')
  await run.exec()
  run.assertSucceeded()
  return run
}

test.group('galleries:expire', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('galleries past their date become expired, keep their photos, and the notice goes out once', async ({ assert }) => {
    const past = await galleryWithAudience(DateTime.now().minus({ hours: 2 }))
    const live = await GalleryFactory.apply('published').create()

    const first = await runCommand(GalleriesExpire)
    first.assertTableRows([['Galleries expired', '1'], ['Galleries notified', '1'], ['Emails sent', '3']])

    const expired = await Gallery.findOrFail(past.gallery.id)
    assert.equal(expired.status, 'expired')
    assert.isNull(expired.deletedAt)
    assert.isNotNull(expired.expiredNoticeSentAt)
    assert.lengthOf(await Photo.query().where('galleryId', past.gallery.id), 1)
    assert.equal((await Gallery.findOrFail(live.id)).status, 'published')

    for (const address of [past.family, past.fan, past.downloader]) {
      const mails = await emailsTo(address, EXPIRED_TEMPLATE)
      assert.lengthOf(mails, 1, address)
      assert.equal(mails[0].subject, '“Okafor family session” has expired')
    }
    assert.lengthOf(await EmailLog.query().where('to', past.looker), 0)

    const second = await runCommand(GalleriesExpire)
    second.assertTableRows([['Galleries expired', '0'], ['Galleries notified', '0'], ['Emails sent', '0']])
    assert.lengthOf(await EmailLog.query().where('templateKey', EXPIRED_TEMPLATE), 3)
  })

  test('every run is a command run with its counts', async ({ assert }) => {
    await galleryWithAudience(DateTime.now().minus({ days: 1 }))
    await runCommand(GalleriesExpire)
    await runCommand(GalleriesExpire)

    const runs = await CommandRun.query().where('command', 'galleries:expire')
    assert.lengthOf(runs, 2)
    assert.sameDeepMembers(
      runs.map((run) => [run.status, run.summary]),
      [
        ['succeeded', { dry_run: false, expired: 1, notified: 1, emails: 3 }],
        ['succeeded', { dry_run: false, expired: 0, notified: 0, emails: 0 }],
      ]
    )
    assert.isTrue(runs.every((run) => run.finishedAt !== null))
  })

  test('--dry-run reports the counts but expires and sends nothing', async ({ assert }) => {
    const past = await galleryWithAudience(DateTime.now().minus({ hours: 1 }))

    const dry = await runCommand(GalleriesExpire, ['--dry-run'])
    dry.assertTableRows([['Galleries expired', '1'], ['Galleries notified', '1'], ['Emails sent', '3']])

    const untouched = await Gallery.findOrFail(past.gallery.id)
    assert.equal(untouched.status, 'published')
    assert.isNull(untouched.expiredNoticeSentAt)
    assert.lengthOf(await EmailLog.all(), 0)
    const run = await CommandRun.findByOrFail('command', 'galleries:expire')
    assert.deepEqual(run.summary, { dry_run: true, expired: 1, notified: 1, emails: 3 })

    await runCommand(GalleriesExpire)
    assert.lengthOf(await EmailLog.query().where('templateKey', EXPIRED_TEMPLATE), 3)
  })

  test('an extended gallery that expires again gets a fresh notice', async ({ assert }) => {
    const now = DateTime.now()
    const past = await galleryWithAudience(now.minus({ hours: 1 }))
    await ExpireGalleries.handle({ now })

    const gallery = await Gallery.findOrFail(past.gallery.id)
    await gallery.extend(now.plus({ days: 2 }), { now })
    assert.equal(gallery.status, 'published')
    await ExpireGalleries.handle({ now: now.plus({ days: 3 }) })

    assert.lengthOf(await emailsTo(past.family, EXPIRED_TEMPLATE), 2)
  })
})

test.group('galleries:remind', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each reminder stage reaches the family and engaged visitors exactly once', async ({ assert }) => {
    const start = DateTime.now()
    const { gallery, family, fan, downloader, looker } = await galleryWithAudience(start.plus({ days: 10 }))
    const at = (days: number) => SendGalleryExpiryReminders.handle({ now: start.plus({ days }) })

    assert.lengthOf((await at(0)).reminders, 0)
    assert.deepEqual((await at(3.5)).reminders.map((reminder) => reminder.stage), [7])
    assert.lengthOf((await at(3.6)).reminders, 0)
    assert.deepEqual((await at(7.5)).reminders.map((reminder) => reminder.stage), [3])
    assert.lengthOf((await at(7.9)).reminders, 0)
    assert.deepEqual((await at(9.2)).reminders.map((reminder) => reminder.stage), [1])
    assert.lengthOf((await at(9.5)).reminders, 0)

    for (const address of [family, fan, downloader]) {
      assert.lengthOf(await emailsTo(address, EXPIRING_TEMPLATE), 3, address)
    }
    assert.lengthOf(await EmailLog.query().where('to', looker), 0)
    const reminded = await Gallery.findOrFail(gallery.id)
    assert.equal(reminded.lastExpiryReminderDays, 1)
  })

  test('the email says when the gallery closes and links to it', async ({ assert }) => {
    const now = DateTime.now()
    const { family } = await galleryWithAudience(now.plus({ days: 6, hours: 1 }), 'Novak family session')
    await SendGalleryExpiryReminders.handle({ now })

    const [mail] = await emailsTo(family, EXPIRING_TEMPLATE)
    assert.match(mail.subject, /^“Novak family session” expires in (6|7) days$/)
    assert.match(mail.text ?? '', /https?:\/\/\S+\/g\//)
  })

  test('a missed run sends only the closest stage, never a burst', async ({ assert }) => {
    const now = DateTime.now()
    const { gallery, family } = await galleryWithAudience(now.plus({ days: 2, hours: 12 }))

    const result = await SendGalleryExpiryReminders.handle({ now })
    assert.deepEqual(result.reminders.map((reminder) => reminder.stage), [3])
    assert.lengthOf(await emailsTo(family, EXPIRING_TEMPLATE), 1)
    assert.equal((await Gallery.findOrFail(gallery.id)).lastExpiryReminderDays, 3)
  })

  test('the first reminder comes from the studio settings; 0 turns reminders off', async ({ assert }) => {
    const now = DateTime.now()
    const { family } = await galleryWithAudience(now.plus({ days: 4, hours: 12 }))
    const settings = await StudioSetting.current()

    settings.galleryReminderDays = 0
    await settings.save()
    assert.deepEqual((await SendGalleryExpiryReminders.handle({ now })).stages, [])

    settings.galleryReminderDays = 5
    await settings.save()
    const result = await SendGalleryExpiryReminders.handle({ now })
    assert.deepEqual(result.stages, [5, 3, 1])
    assert.deepEqual(result.reminders.map((reminder) => reminder.stage), [5])
    assert.lengthOf(await emailsTo(family, EXPIRING_TEMPLATE), 1)
  })

  test('the command prints counts per stage and records its run; --dry-run sends nothing', async ({ assert }) => {
    await galleryWithAudience(DateTime.now().plus({ days: 6, hours: 12 }), 'Ito family session')
    await galleryWithAudience(DateTime.now().plus({ hours: 20 }), 'Berg family session')
    await GalleryFactory.apply('published').create()

    const dry = await runCommand(GalleriesRemind, ['--dry-run'])
    dry.assertTableRows([['7 days before', '1'], ['3 days before', '0'], ['1 day before', '1'], ['Emails sent', '6']])
    assert.lengthOf(await EmailLog.all(), 0)
    assert.lengthOf(await Gallery.query().whereNotNull('lastExpiryReminderDays'), 0)

    await runCommand(GalleriesRemind)
    await runCommand(GalleriesRemind)
    assert.lengthOf(await EmailLog.query().where('templateKey', EXPIRING_TEMPLATE), 6)

    const runs = await CommandRun.query().where('command', 'galleries:remind')
    assert.sameDeepMembers(
      runs.map((run) => run.summary),
      [
        { dry_run: true, '7_days_before': 1, '3_days_before': 0, '1_day_before': 1, emails: 6 },
        { dry_run: false, '7_days_before': 1, '3_days_before': 0, '1_day_before': 1, emails: 6 },
        { dry_run: false, '7_days_before': 0, '3_days_before': 0, '1_day_before': 0, emails: 0 },
      ]
    )
  })
})

// Real concurrency: each run on its own connection (on PostgreSQL), so no shared transaction.
test.group('expiry runs at the same time', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two runs at once expire and notify each gallery once', async ({ assert }) => {
    const now = DateTime.now()
    const past = await galleryWithAudience(now.minus({ hours: 3 }))

    const results = await Promise.all([ExpireGalleries.handle({ now }), ExpireGalleries.handle({ now })])

    assert.equal(results[0].expired.length + results[1].expired.length, 1)
    assert.equal(results[0].notices.emails + results[1].notices.emails, 3)
    assert.lengthOf(await emailsTo(past.family, EXPIRED_TEMPLATE), 1)
    assert.lengthOf(await emailsTo(past.fan, EXPIRED_TEMPLATE), 1)
  })

  test('two runs at once send each reminder once', async ({ assert }) => {
    const now = DateTime.now()
    const { family, fan } = await galleryWithAudience(now.plus({ days: 6 }))

    await Promise.all([SendGalleryExpiryReminders.handle({ now }), SendGalleryExpiryReminders.handle({ now })])

    assert.lengthOf(await emailsTo(family, EXPIRING_TEMPLATE), 1)
    assert.lengthOf(await emailsTo(fan, EXPIRING_TEMPLATE), 1)
  })
})
