import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Package from '#models/package'
import { PackageFactory } from '#database/factories/package_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Package', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a package that reloads with its sessions', async ({ assert }) => {
    const pkg = await PackageFactory.create()
    const reloaded = await Package.query().where('id', pkg.id).preload('photoSessions').firstOrFail()
    assert.equal(reloaded.slug, pkg.slug)
    assert.isTrue(reloaded.active)
    assert.isTrue(reloaded.includesStyling)
    assert.lengthOf(reloaded.photoSessions, 0)
  })

  test('the active scope lists active packages in their sort order', async ({ assert }) => {
    const second = await PackageFactory.merge({ sortOrder: 2 }).create()
    const first = await PackageFactory.merge({ sortOrder: 1 }).create()
    await PackageFactory.apply('inactive').create()
    const ids = (await Package.query().withScopes((s) => s.active())).map((p) => p.id)
    assert.deepEqual(ids, [first.id, second.id])
  })

  test('two packages cannot share a slug', async () => {
    const pkg = await PackageFactory.create()
    await assertViolates(() => PackageFactory.merge({ slug: pkg.slug }).create(), 'unique')
  })

  test('the price cannot be negative', async () => {
    await assertViolates(() => PackageFactory.merge({ basePrice: -100 }).create(), 'check')
  })

  test('a package takes at least one child', async () => {
    await assertViolates(() => PackageFactory.merge({ maxChildren: 0 }).create(), 'check')
  })

  test('the editing level must be basic, standard or premium', async () => {
    await assertViolates(() => PackageFactory.merge({ photoEditingLevel: 'ultra' as any }).create(), 'check')
  })
})
