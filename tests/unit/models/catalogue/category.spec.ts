import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Category from '#models/category'
import { CategoryFactory } from '#database/factories/category_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Category', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a category tree that reloads with parent and children', async ({ assert }) => {
    const parent = await CategoryFactory.apply('product').with('children', 2, (c) => c.apply('product')).create()
    const child = await Category.query().where('parent_id', parent.id).preload('parent').firstOrFail()
    assert.equal(child.parent.id, parent.id)
    const reloaded = await Category.query().where('id', parent.id).preload('children').preload('products').firstOrFail()
    assert.lengthOf(reloaded.children, 2)
    assert.equal(reloaded.kind, 'product')
  })

  test('scopes separate portfolio and product categories', async ({ assert }) => {
    const portfolio = await CategoryFactory.create()
    const shop = await CategoryFactory.apply('product').create()
    const portfolioIds = (await Category.query().withScopes((s) => s.portfolio())).map((c) => c.id)
    const productIds = (await Category.query().withScopes((s) => s.product())).map((c) => c.id)
    assert.deepEqual(portfolioIds, [portfolio.id])
    assert.deepEqual(productIds, [shop.id])
  })

  test('deleting a parent keeps its children as roots', async ({ assert }) => {
    const parent = await CategoryFactory.with('children', 1).create()
    const child = await Category.findByOrFail('parent_id', parent.id)
    await parent.delete()
    await child.refresh()
    assert.isNull(child.parentId)
  })

  test('two categories cannot share a slug', async () => {
    const category = await CategoryFactory.create()
    await assertViolates(() => CategoryFactory.merge({ slug: category.slug }).create(), 'unique')
  })

  test('the kind must be portfolio or product', async () => {
    await assertViolates(() => CategoryFactory.merge({ kind: 'blog' as any }).create(), 'check')
  })
})
