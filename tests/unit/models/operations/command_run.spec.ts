import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import CommandRun from '#models/command_run'
import { CommandRunFactory } from '#database/factories/command_run_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Command run', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a finished run that reloads with its summary', async ({ assert }) => {
    const run = await CommandRunFactory.apply('succeeded').create()
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.deepEqual(reloaded.summary, { processed: 12, failed: 0 })
    assert.equal(reloaded.durationMs, 12_000)
  })

  test('start records a running command, finish records its summary', async ({ assert }) => {
    const run = await CommandRun.start('billing:run')
    assert.isNull(run.durationMs)
    assert.isTrue(await run.finish({ charged: 4, failed: 1, total: 48_000 }))
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.deepEqual(reloaded.summary, { charged: 4, failed: 1, total: 48_000 })
    assert.isNotNull(reloaded.finishedAt)
    const [change] = await StatusChange.of('CommandRun', run.id)
    assert.deepEqual([change.fromStatus, change.toStatus], ['running', 'succeeded'])
  })

  test('a run that throws is recorded as failed with its error', async ({ assert }) => {
    const run = await CommandRun.start('galleries:expire')
    assert.isTrue(await run.fail(new Error('disk full'), { expired: 2 }))
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.error, 'disk full')
    assert.deepEqual(reloaded.summary, { expired: 2 })
  })

  test('a finished run does not finish or fail again', async ({ assert }) => {
    const run = await CommandRunFactory.apply('succeeded').create()
    assert.isFalse(await run.finish({ processed: 99 }))
    assert.isFalse(await run.fail('late'))
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.deepEqual(reloaded.summary, { processed: 12, failed: 0 })
    assert.isNull(reloaded.error)
    assert.lengthOf(await StatusChange.of('CommandRun', run.id), 0)
  })

  test('runs of one command are listed latest first', async ({ assert }) => {
    const old = await CommandRunFactory.merge({ command: 'billing:run', startedAt: DateTime.now().minus({ days: 1 }) }).create()
    const recent = await CommandRunFactory.merge({ command: 'billing:run' }).create()
    await CommandRunFactory.merge({ command: 'workflows:run' }).create()
    const runs = await CommandRun.query().withScopes((s) => {
      s.forCommand('billing:run')
      s.latestFirst()
    })
    assert.deepEqual(runs.map((r) => r.id), [recent.id, old.id])
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => CommandRunFactory.merge({ status: 'skipped' as any }).create(), 'check')
  })

  test('a run cannot finish before it started', async () => {
    const now = DateTime.now()
    await assertViolates(() => CommandRunFactory.merge({ startedAt: now, finishedAt: now.minus({ minutes: 1 }) }).create(), 'check')
  })
})
