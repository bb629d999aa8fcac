import { test } from '@japa/runner'
import WorkflowRun from '#models/workflow_run'
import StatusChange from '#models/status_change'
import { WorkflowRunFactory } from '#database/factories/workflow_run_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { raceTransition } from '#tests/support/race'

test.group('WorkflowRun state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two schedulers start one due run: one wins, one attempt, one history row', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    assert.equal(await raceTransition(WorkflowRun, run.id, (row) => row.start()), 1)
    assert.equal((await WorkflowRun.findOrFail(run.id)).attempts, 1)
    assert.lengthOf(await StatusChange.of('WorkflowRun', run.id), 1)
  })
})
