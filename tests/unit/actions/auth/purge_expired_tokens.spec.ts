import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OneTimeCode from '#models/one_time_code'
import PurgeExpiredTokens from '#actions/auth/purge_expired_tokens'
import { OneTimeCodeFactory } from '#database/factories/one_time_code_factory'

test.group('tokens:purge', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deletes expired sign-in links, keeps the ones still usable', async ({ assert }) => {
    const expired = await OneTimeCodeFactory.apply('email', 'expired').create()
    const live = await OneTimeCodeFactory.apply('email').create()
    const counts = await PurgeExpiredTokens.handle()
    assert.equal(counts['sign-in links and codes'], 1)
    assert.isNull(await OneTimeCode.find(expired.id))
    assert.isNotNull(await OneTimeCode.find(live.id))
  })
})
