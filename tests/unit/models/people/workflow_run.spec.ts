import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import WorkflowRun from '#models/workflow_run'
import { WorkflowRunFactory } from '#database/factories/workflow_run_factory'

test.group('Workflow run', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a run that reloads with its step', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    const reloaded = await WorkflowRun.query().where('id', run.id).preload('step').firstOrFail()
    assert.equal(reloaded.step.id, run.workflowStepId)
    assert.equal(reloaded.status, 'pending')
  })

  test('due lists pending runs whose time has come, oldest first', async ({ assert }) => {
    const older = await WorkflowRunFactory.merge({ dueAt: DateTime.now().minus({ hours: 2 }) }).create()
    const newer = await WorkflowRunFactory.create()
    await WorkflowRunFactory.apply('later').create()
    await WorkflowRunFactory.apply('done').create()
    const due = await WorkflowRun.query().withScopes((scopes) => scopes.due())
    assert.deepEqual(
      due.map((run) => run.id),
      [older.id, newer.id]
    )
  })

  test('a run starts and completes', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    await run.start()
    await run.complete()
    const reloaded = await WorkflowRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'done')
    assert.equal(reloaded.attempts, 1)
    assert.isNotNull(reloaded.doneAt)
  })

  test('a failed run is retried later and counts its attempts', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    await run.start()
    await run.fail('SMTP timeout')
    const later = DateTime.now().plus({ minutes: 10 })
    await run.retry(later)
    await run.start()
    const reloaded = await WorkflowRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'running')
    assert.equal(reloaded.attempts, 2)
    assert.equal(reloaded.lastError, 'SMTP timeout')
  })

  test('a pending run can be skipped or cancelled', async ({ assert }) => {
    const skipped = await WorkflowRunFactory.create()
    await skipped.skip()
    const cancelled = await WorkflowRunFactory.create()
    await cancelled.cancel()
    assert.equal((await WorkflowRun.findOrFail(skipped.id)).status, 'skipped')
    assert.equal((await WorkflowRun.findOrFail(cancelled.id)).status, 'cancelled')
  })

  test('a finished run cannot start again', async ({ assert }) => {
    const run = await WorkflowRunFactory.apply('done').create()
    await assert.rejects(() => run.start(), /cannot go from done to running/)
  })

  test('a pending run cannot complete without starting', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    await assert.rejects(() => run.complete(), /cannot go from pending to done/)
  })

  test('a step runs once per subject', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    await assert.rejects(() =>
      WorkflowRunFactory.merge({
        workflowStepId: run.workflowStepId,
        subjectType: run.subjectType,
        subjectId: run.subjectId,
      }).create()
    )
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => WorkflowRunFactory.merge({ status: 'queued' as any }).create())
  })
})
