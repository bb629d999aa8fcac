import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Workflow from '#models/workflow'
import WorkflowStep from '#models/workflow_step'
import { WorkflowFactory } from '#database/factories/workflow_factory'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'
import { WorkflowRunFactory } from '#database/factories/workflow_run_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Workflow', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a workflow that reloads with its steps in order and their runs', async ({ assert }) => {
    const workflow = await WorkflowFactory.create()
    const second = await WorkflowStepFactory.merge({ workflowId: workflow.id, position: 2 }).create()
    const first = await WorkflowStepFactory.merge({ workflowId: workflow.id, position: 1 }).create()
    await WorkflowRunFactory.merge({ workflowStepId: first.id }).create()
    const reloaded = await Workflow.query().where('id', workflow.id).preload('steps').preload('runs').firstOrFail()
    assert.deepEqual(
      reloaded.steps.map((step) => step.id),
      [first.id, second.id]
    )
    assert.lengthOf(reloaded.runs, 1)
  })

  test('two workflows cannot share a name', async () => {
    const workflow = await WorkflowFactory.create()
    await assertViolates(() => WorkflowFactory.merge({ name: workflow.name }).create(), 'unique')
  })

  test('the trigger must be a known event', async () => {
    await assertViolates(() => WorkflowFactory.merge({ trigger: 'moon.full' as any }).create(), 'check')
  })

  test('active workflows are found by their trigger', async ({ assert }) => {
    const booked = await WorkflowFactory.create()
    await WorkflowFactory.apply('inactive').create()
    await WorkflowFactory.merge({ trigger: 'order.shipped' }).create()
    const found = await Workflow.query().withScopes((scopes) => {
      scopes.active()
      scopes.triggeredBy('session.booked')
    })
    assert.deepEqual(
      found.map((workflow) => workflow.id),
      [booked.id]
    )
  })

  test('deleting a workflow deletes its steps', async ({ assert }) => {
    const step = await WorkflowStepFactory.create()
    await (await Workflow.findOrFail(step.workflowId)).delete()
    assert.isNull(await WorkflowStep.find(step.id))
  })
})
