import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OneTimeCode from '#models/one_time_code'
import { OneTimeCodeFactory } from '#database/factories/one_time_code_factory'

test.group('One-time code', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a code that reloads with its user', async ({ assert }) => {
    const code = await OneTimeCodeFactory.with('user').create()
    const reloaded = await OneTimeCode.query().where('id', code.id).preload('user').firstOrFail()
    assert.equal(reloaded.user.id, code.userId)
    assert.isTrue(reloaded.isUsable)
    assert.notProperty(reloaded.serialize(), 'codeHash')
  })

  test('only fresh, unused, unlocked codes are usable', async ({ assert }) => {
    const fresh = await OneTimeCodeFactory.create()
    await OneTimeCodeFactory.apply('expired').create()
    await OneTimeCodeFactory.apply('consumed').create()
    await OneTimeCodeFactory.apply('locked').create()
    const usable = await OneTimeCode.query().withScopes((scopes) => scopes.usable())
    assert.deepEqual(
      usable.map((code) => code.id),
      [fresh.id]
    )
  })

  test('a code can be consumed once', async ({ assert }) => {
    const code = await OneTimeCodeFactory.create()
    await code.consume()
    assert.isNotNull((await OneTimeCode.findOrFail(code.id)).consumedAt)
    await assert.rejects(() => code.consume(), /used, expired or locked/)
  })

  test('an expired code cannot be consumed', async ({ assert }) => {
    const code = await OneTimeCodeFactory.apply('expired').create()
    await assert.rejects(() => code.consume(), /used, expired or locked/)
  })

  test('three wrong guesses lock a code', async ({ assert }) => {
    const code = await OneTimeCodeFactory.create()
    await code.recordFailedAttempt()
    await code.recordFailedAttempt()
    assert.isTrue(code.isUsable)
    await code.recordFailedAttempt()
    assert.isFalse((await OneTimeCode.findOrFail(code.id)).isUsable)
  })

  test('the channel must be sms or email', async ({ assert }) => {
    await assert.rejects(() => OneTimeCodeFactory.merge({ channel: 'pigeon' as any }).create())
  })

  test('the purpose must be login or verify', async ({ assert }) => {
    await assert.rejects(() => OneTimeCodeFactory.merge({ purpose: 'reset' as any }).create())
  })

  test('attempts cannot be negative', async ({ assert }) => {
    await assert.rejects(() => OneTimeCodeFactory.merge({ attempts: -1 }).create())
  })
})
