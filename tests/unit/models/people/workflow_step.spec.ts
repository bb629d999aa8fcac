import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import WorkflowStep from '#models/workflow_step'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'

test.group('Workflow step', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates an email step that reloads with its workflow and template', async ({ assert }) => {
    const step = await WorkflowStepFactory.apply('sendEmail').with('runs', 2).create()
    const reloaded = await WorkflowStep.query()
      .where('id', step.id)
      .preload('workflow')
      .preload('emailTemplate')
      .preload('runs')
      .firstOrFail()
    assert.equal(reloaded.workflow.id, step.workflowId)
    assert.equal(reloaded.emailTemplate.id, step.emailTemplateId)
    assert.lengthOf(reloaded.runs, 2)
  })

  test('a notify step keeps its settings', async ({ assert }) => {
    const step = await WorkflowStepFactory.create()
    assert.deepEqual((await WorkflowStep.findOrFail(step.id)).settings, {
      recipient: 'staff',
      message: 'Something needs your attention',
    })
  })

  test('an email step needs a template', async ({ assert }) => {
    const step = await WorkflowStepFactory.create()
    await assert.rejects(() =>
      WorkflowStep.create({ workflowId: step.workflowId, position: step.position + 1, action: 'send_email' })
    )
  })

  test('a lifecycle step needs a stage', async ({ assert }) => {
    const step = await WorkflowStepFactory.create()
    await assert.rejects(() =>
      WorkflowStep.create({ workflowId: step.workflowId, position: step.position + 1, action: 'set_lifecycle' })
    )
  })

  test('two steps of a workflow cannot share a position', async ({ assert }) => {
    const step = await WorkflowStepFactory.create()
    await assert.rejects(() =>
      WorkflowStepFactory.merge({ workflowId: step.workflowId, position: step.position }).create()
    )
  })

  test('the delay cannot be negative', async ({ assert }) => {
    await assert.rejects(() => WorkflowStepFactory.merge({ delayMinutes: -5 }).create())
  })

  test('the action must be a known one', async ({ assert }) => {
    await assert.rejects(() => WorkflowStepFactory.merge({ action: 'send_fax' as any }).create())
  })
})
