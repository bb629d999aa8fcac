import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import WorkflowStep from '#models/workflow_step'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'
import { assertViolates } from '#tests/support/violations'

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

  test('an email step needs a template', async () => {
    const step = await WorkflowStepFactory.create()
    await assertViolates(
      () => WorkflowStep.create({ workflowId: step.workflowId, position: step.position + 1, action: 'send_email' }),
      'check'
    )
  })

  test('a lifecycle step needs a stage', async () => {
    const step = await WorkflowStepFactory.create()
    await assertViolates(
      () => WorkflowStep.create({ workflowId: step.workflowId, position: step.position + 1, action: 'set_lifecycle' }),
      'check'
    )
  })

  test('two steps of a workflow cannot share a position', async () => {
    const step = await WorkflowStepFactory.create()
    await assertViolates(
      () => WorkflowStepFactory.merge({ workflowId: step.workflowId, position: step.position }).create(),
      'unique'
    )
  })

  test('the delay cannot be negative', async () => {
    await assertViolates(() => WorkflowStepFactory.merge({ delayMinutes: -5 }).create(), 'check')
  })

  test('the action must be a known one', async () => {
    await assertViolates(() => WorkflowStepFactory.merge({ action: 'send_fax' as any }).create(), 'check')
  })
})
