import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailTemplate from '#models/email_template'
import { EmailTemplateFactory } from '#database/factories/email_template_factory'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Email template', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a template that reloads with the steps using it', async ({ assert }) => {
    const template = await EmailTemplateFactory.create()
    await WorkflowStepFactory.apply('sendEmail').merge({ emailTemplateId: template.id }).create()
    const reloaded = await EmailTemplate.query().where('id', template.id).preload('workflowSteps').firstOrFail()
    assert.lengthOf(reloaded.workflowSteps, 1)
    assert.strictEqual(reloaded.active, true)
  })

  test('two templates cannot share a key', async () => {
    const template = await EmailTemplateFactory.create()
    await assertViolates(() => EmailTemplateFactory.merge({ key: template.key }).create(), 'unique')
  })

  test('a template used by a workflow step cannot be deleted', async () => {
    const template = await EmailTemplateFactory.create()
    await WorkflowStepFactory.apply('sendEmail').merge({ emailTemplateId: template.id }).create()
    await assertViolates(() => template.delete(), 'foreign_key')
  })

  test('only active templates are listed as active', async ({ assert }) => {
    const active = await EmailTemplateFactory.create()
    await EmailTemplateFactory.apply('inactive').create()
    const listed = await EmailTemplate.query().withScopes((scopes) => scopes.active())
    assert.deepEqual(
      listed.map((template) => template.id),
      [active.id]
    )
  })
})
