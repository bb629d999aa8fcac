import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import CommandRun from '#models/command_run'
import { CommandRunFactory } from '#database/factories/command_run_factory'

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
    await run.finish({ charged: 4, failed: 1, total: 48_000 })
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'succeeded')
    assert.deepEqual(reloaded.summary, { charged: 4, failed: 1, total: 48_000 })
    assert.isNotNull(reloaded.finishedAt)
  })

  test('a run that throws is recorded as failed with its error', async ({ assert }) => {
    const run = await CommandRun.start('galleries:expire')
    await run.fail(new Error('disk full'), { expired: 2 })
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'failed')
    assert.equal(reloaded.error, 'disk full')
    assert.deepEqual(reloaded.summary, { expired: 2 })
  })

  test('a finished run cannot finish or fail again', async ({ assert }) => {
    const run = await CommandRunFactory.apply('succeeded').create()
    await assert.rejects(() => run.finish(), /cannot go from succeeded to succeeded/)
    await assert.rejects(() => run.fail('late'), /cannot go from succeeded to failed/)
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

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => CommandRunFactory.merge({ status: 'skipped' as any }).create())
  })

  test('a run cannot finish before it started', async ({ assert }) => {
    const now = DateTime.now()
    await assert.rejects(() => CommandRunFactory.merge({ startedAt: now, finishedAt: now.minus({ minutes: 1 }) }).create())
  })
})
