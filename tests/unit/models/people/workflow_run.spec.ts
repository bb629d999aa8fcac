import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import WorkflowRun from '#models/workflow_run'
import { WorkflowRunFactory } from '#database/factories/workflow_run_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

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

  test('a run starts and completes, each step in its history', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    const worker = actors.system('workflows:run')
    assert.isTrue(await run.start({ actor: worker }))
    assert.isTrue(await run.complete({ actor: worker }))
    const reloaded = await WorkflowRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'done')
    assert.equal(reloaded.attempts, 1)
    assert.isNotNull(reloaded.doneAt)
    const history = await StatusChange.of('WorkflowRun', run.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus, c.actorLabel]), [
      ['pending', 'running', 'workflows:run'],
      ['running', 'done', 'workflows:run'],
    ])
  })

  test('a failed run is retried later and counts its attempts', async ({ assert }) => {
    const run = await WorkflowRunFactory.create()
    assert.isTrue(await run.start())
    assert.isTrue(await run.fail('SMTP timeout'))
    const later = DateTime.now().plus({ minutes: 10 }).startOf('second')
    assert.isTrue(await run.retry(later))
    assert.equal((await WorkflowRun.findOrFail(run.id)).dueAt.toMillis(), later.toMillis())
    assert.isTrue(await run.start())
    const reloaded = await WorkflowRun.findOrFail(run.id)
    assert.equal(reloaded.status, 'running')
    assert.equal(reloaded.attempts, 2)
    assert.equal(reloaded.lastError, 'SMTP timeout')
  })

  test('a pending run can be skipped or cancelled', async ({ assert }) => {
    const skipped = await WorkflowRunFactory.create()
    assert.isTrue(await skipped.skip())
    const cancelled = await WorkflowRunFactory.create()
    assert.isTrue(await cancelled.cancel())
    assert.equal((await WorkflowRun.findOrFail(skipped.id)).status, 'skipped')
    assert.isNotNull((await WorkflowRun.findOrFail(skipped.id)).doneAt)
    assert.equal((await WorkflowRun.findOrFail(cancelled.id)).status, 'cancelled')
  })

  test('a finished run does not start again, a pending one does not complete without starting', async ({ assert }) => {
    const done = await WorkflowRunFactory.apply('done').create()
    const pending = await WorkflowRunFactory.create()
    const attempts = done.attempts
    assert.isFalse(await done.start())
    assert.isFalse(await pending.complete())
    const [a, b] = [await WorkflowRun.findOrFail(done.id), await WorkflowRun.findOrFail(pending.id)]
    assert.equal(a.status, 'done')
    assert.equal(a.attempts, attempts)
    assert.equal(b.status, 'pending')
    assert.isNull(b.doneAt)
    assert.lengthOf(await StatusChange.query().where('subject_type', 'WorkflowRun'), 0)
  })

 test('a step runs once per subject', async () => {
    const run = await WorkflowRunFactory.create()
    await assertViolates(
      () =>
        WorkflowRunFactory.merge({
          workflowStepId: run.workflowStepId,
          subjectType: run.subjectType,
          subjectId: run.subjectId,
        }).create(),
      'unique'
    )
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => WorkflowRunFactory.merge({ status: 'queued' as any }).create(), 'check')
  })
})
