import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OneTimeCode from '#models/one_time_code'
import { OneTimeCodeFactory } from '#database/factories/one_time_code_factory'
import { assertViolates } from '#tests/support/violations'
import { raceTransition } from '#tests/support/race'
import { truncateAfterEach } from '#tests/support/truncate'

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
    assert.isTrue(await code.consume())
    assert.isNotNull((await OneTimeCode.findOrFail(code.id)).consumedAt)
    assert.isFalse(await code.consume())
  })

  test('an expired code cannot be consumed', async ({ assert }) => {
    const code = await OneTimeCodeFactory.apply('expired').create()
    assert.isFalse(await code.consume())
    assert.isNull((await OneTimeCode.findOrFail(code.id)).consumedAt)
  })

  test('three wrong guesses lock a code', async ({ assert }) => {
    const code = await OneTimeCodeFactory.create()
    await code.recordFailedAttempt()
    await code.recordFailedAttempt()
    assert.isTrue(code.isUsable)
    await code.recordFailedAttempt()
    assert.isFalse((await OneTimeCode.findOrFail(code.id)).isUsable)
    assert.isFalse(await code.consume(), 'a locked code cannot be spent, even by the right guess')
  })

  test('the channel must be sms or email', async () => {
    await assertViolates(() => OneTimeCodeFactory.merge({ channel: 'pigeon' as any }).create(), 'check')
  })

  test('the purpose must be login or verify', async () => {
    await assertViolates(() => OneTimeCodeFactory.merge({ purpose: 'reset' as any }).create(), 'check')
  })

  test('attempts cannot be negative', async () => {
    await assertViolates(() => OneTimeCodeFactory.merge({ attempts: -1 }).create(), 'check')
  })
})

test.group('One-time code under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two requests spending the same code at once: exactly one wins', async ({ assert }) => {
    const code = await OneTimeCodeFactory.create()
    assert.equal(await raceTransition(OneTimeCode, code.id, (copy) => copy.consume()), 1)
  })

  test('wrong guesses made at once all count, from stale copies too', async ({ assert }) => {
    const code = await OneTimeCodeFactory.create()
    const copies = await Promise.all([1, 2, 3].map(() => OneTimeCode.findOrFail(code.id)))
    await Promise.all(copies.map((copy) => copy.recordFailedAttempt()))
    const reloaded = await OneTimeCode.findOrFail(code.id)
    assert.equal(reloaded.attempts, 3)
    assert.isFalse(reloaded.isUsable)
  })
})
