import { test } from '@japa/runner'
import CommandRun from '#models/command_run'
import StatusChange from '#models/status_change'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('CommandRun state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('a run that finishes and fails at once ends one way, with one history row', async ({ assert }) => {
    const run = await CommandRun.start('billing:run')
    const [a, b] = await Promise.all([CommandRun.findOrFail(run.id), CommandRun.findOrFail(run.id)])
    const results = await Promise.all([a.finish({ charged: 3 }), b.fail(new Error('killed'))])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('CommandRun', run.id)
    assert.lengthOf(history, 1)
    const reloaded = await CommandRun.findOrFail(run.id)
    assert.equal(reloaded.status, history[0].toStatus)
    // The loser wrote none of its columns either.
    if (reloaded.status === 'succeeded') assert.isNull(reloaded.error)
    else assert.isNull(reloaded.summary)
  })
})
