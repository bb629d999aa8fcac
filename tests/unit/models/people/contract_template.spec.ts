import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ContractTemplate from '#models/contract_template'
import { ContractTemplateFactory } from '#database/factories/contract_template_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Contract template', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a template that reloads with its contracts', async ({ assert }) => {
    const template = await ContractTemplateFactory.with('contracts', 2).create()
    const reloaded = await ContractTemplate.query().where('id', template.id).preload('contracts').firstOrFail()
    assert.lengthOf(reloaded.contracts, 2)
    assert.strictEqual(reloaded.active, true)
  })

  test('two templates cannot share a name', async () => {
    const template = await ContractTemplateFactory.create()
    await assertViolates(() => ContractTemplateFactory.merge({ name: template.name }).create(), 'unique')
  })

  test('it lists the merge fields its body uses', async ({ assert }) => {
    const template = await ContractTemplateFactory.merge({
      body: 'Dear {{client.name}}, on {{ session.date }} … {{client.name}} {{studio.name}}',
    }).create()
    assert.deepEqual(template.mergeFields, ['client.name', 'session.date', 'studio.name'])
  })

  test('rendering fills known fields and leaves unknown ones visible', async ({ assert }) => {
    const template = await ContractTemplateFactory.merge({
      body: 'Dear {{client.name}}, see you {{session.date}}.',
    }).create()
    assert.equal(template.render({ 'client.name': 'Casey Rivera' }), 'Dear Casey Rivera, see you {{session.date}}.')
  })

  test('only active templates are offered', async ({ assert }) => {
    const active = await ContractTemplateFactory.create()
    await ContractTemplateFactory.apply('inactive').create()
    const offered = await ContractTemplate.query().withScopes((scopes) => scopes.active())
    assert.deepEqual(
      offered.map((template) => template.id),
      [active.id]
    )
  })
})
