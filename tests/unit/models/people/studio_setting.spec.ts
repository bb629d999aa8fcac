import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import StudioSetting from '#models/studio_setting'
import { StudioSettingFactory } from '#database/factories/studio_setting_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Studio settings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates the settings row that reloads', async ({ assert }) => {
    const settings = await StudioSettingFactory.create()
    const reloaded = await StudioSetting.findOrFail(settings.id)
    assert.equal(reloaded.taxRateBps, 825)
    assert.equal(reloaded.currency, 'USD')
    assert.equal(reloaded.watermarkText, 'PROOF')
  })

  test('current() creates the row with the defaults when it is missing', async ({ assert }) => {
    const settings = await StudioSetting.current()
    assert.equal(settings.freeTransformations, 5)
    assert.equal(settings.galleryDefaultDays, 30)
    assert.equal(settings.galleryReminderDays, 7)
    assert.equal(settings.depositPercent, 25)
    assert.equal(settings.cancellationWindowHours, 48)
    assert.equal(settings.timezone, 'America/New_York')
  })

  test('current() always returns the same single row', async ({ assert }) => {
    const first = await StudioSetting.current()
    const second = await StudioSetting.current()
    assert.equal(second.id, first.id)
    assert.lengthOf(await StudioSetting.all(), 1)
  })

  test('a second settings row is refused', async () => {
    await StudioSetting.current()
    await assertViolates(() => StudioSettingFactory.create(), 'unique')
  })

  test('the deposit cannot exceed 100 percent', async () => {
    await assertViolates(() => StudioSettingFactory.merge({ depositPercent: 101 }).create(), 'check')
  })

  test('the tax rate cannot be negative', async () => {
    await assertViolates(() => StudioSettingFactory.merge({ taxRateBps: -1 }).create(), 'check')
  })

  test('free transformations cannot be negative', async () => {
    await assertViolates(() => StudioSettingFactory.merge({ freeTransformations: -1 }).create(), 'check')
  })

  test('deposit and tax are computed in whole cents', async ({ assert }) => {
    const settings = await StudioSettingFactory.create()
    assert.equal(settings.depositFor(29_900), 7475)
    assert.equal(settings.taxFor(10_001), 825)
  })

  test('a session can be cancelled freely only outside the cancellation window', async ({ assert }) => {
    const settings = await StudioSettingFactory.create()
    const now = DateTime.now()
    assert.isTrue(settings.canCancelFreely(now.plus({ hours: 49 }), now))
    assert.isFalse(settings.canCancelFreely(now.plus({ hours: 47 }), now))
  })

  test('a gallery expires the default number of days after publication', async ({ assert }) => {
    const settings = await StudioSettingFactory.create()
    const publishedAt = DateTime.fromISO('2026-03-01T10:00:00')
    assert.equal(settings.galleryExpiryFrom(publishedAt).toISODate(), '2026-03-31')
  })
})
