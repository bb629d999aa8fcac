import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import TransformationType from '#models/transformation_type'
import { TransformationTypeFactory } from '#database/factories/transformation_type_factory'
import { TransformationFactory } from '#database/factories/transformation_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Transformation type', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a type that reloads with its transformations', async ({ assert }) => {
    const type = await TransformationTypeFactory.create()
    const user = await UserFactory.create()
    await TransformationFactory.merge({ transformationTypeId: type.id, userId: user.id }).createMany(2)
    const reloaded = await TransformationType.query().where('id', type.id).preload('transformations').firstOrFail()
    assert.lengthOf(reloaded.transformations, 2)
    assert.isTrue(reloaded.enabled)
  })

  test('the enabled scope hides disabled types and sorts the rest', async ({ assert }) => {
    const late = await TransformationTypeFactory.merge({ sortOrder: 5 }).create()
    const early = await TransformationTypeFactory.merge({ sortOrder: 1 }).create()
    await TransformationTypeFactory.apply('disabled').create()
    const types = await TransformationType.query().withScopes((s) => s.enabled())
    assert.deepEqual(types.map((t) => t.id), [early.id, late.id])
  })

  test('the prompt template fills known placeholders and keeps unknown ones', async ({ assert }) => {
    const type = await TransformationTypeFactory.merge({ promptTemplate: 'Make {{ name }} a {{style}} star {{unknown}}' }).create()
    assert.equal(type.renderPrompt({ name: 'Mia', style: 'punk' }), 'Make Mia a punk star {{unknown}}')
  })

  test('a type used by transformations cannot be deleted', async () => {
    const type = await TransformationTypeFactory.create()
    const user = await UserFactory.create()
    await TransformationFactory.merge({ transformationTypeId: type.id, userId: user.id }).create()
    await assertViolates(() => type.delete(), 'foreign_key')
  })

  test('the name is unique', async () => {
    await TransformationTypeFactory.merge({ name: 'Rock-star poster' }).create()
    await assertViolates(() => TransformationTypeFactory.merge({ name: 'Rock-star poster' }).create(), 'unique')
  })
})
