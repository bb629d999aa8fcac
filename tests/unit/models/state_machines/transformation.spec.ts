import { test } from '@japa/runner'
import Transformation from '#models/transformation'
import StatusChange from '#models/status_change'
import { TransformationFactory } from '#database/factories/transformation_factory'
import { TransformationTypeFactory } from '#database/factories/transformation_type_factory'
import { UserFactory } from '#database/factories/user_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Transformation state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two workers hand one pending transformation to two providers: one wins', async ({ assert }) => {
    const user = await UserFactory.create()
    const type = await TransformationTypeFactory.create()
    const row = await TransformationFactory.merge({ userId: user.id, transformationTypeId: type.id }).create()
    const [a, b] = await Promise.all([Transformation.findOrFail(row.id), Transformation.findOrFail(row.id)])
    const results = await Promise.all([a.start('replicate'), b.start('openai')])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Transformation', row.id), 1)
    assert.equal((await Transformation.findOrFail(row.id)).provider, results[0] ? 'replicate' : 'openai')
  })
})
