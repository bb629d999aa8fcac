import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Review from '#models/review'
import { PackageFactory } from '#database/factories/package_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ReviewFactory } from '#database/factories/review_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Review', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a review that reloads with its author and subject', async ({ assert }) => {
    const pkg = await PackageFactory.create()
    const review = await ReviewFactory.with('user').merge({ reviewableType: 'package', reviewableId: pkg.id }).create()
    const reloaded = await Review.query().where('id', review.id).preload('user').firstOrFail()
    assert.equal(reloaded.user.id, review.userId)
    assert.equal((await reloaded.subject())?.id, pkg.id)
  })

  test('the scopes list the published reviews of one subject', async ({ assert }) => {
    const product = await ProductFactory.create()
    const shown = await ReviewFactory.with('user').merge({ reviewableType: 'product', reviewableId: product.id }).create()
    await ReviewFactory.with('user').apply('hidden').merge({ reviewableType: 'product', reviewableId: product.id }).create()
    await ReviewFactory.with('user').create()
    const reviews = await Review.query().withScopes((s) => {
      s.forSubject('product', product.id)
      s.published()
    })
    const ids = reviews.map((r) => r.id)
    assert.deepEqual(ids, [shown.id])
  })

  test('a published review can be hidden and shown again, each change in its history', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const review = await ReviewFactory.with('user').create()
    assert.isTrue(await review.hide({ actor: actors.user(admin), note: 'Names a child' }))
    assert.equal((await Review.findOrFail(review.id)).status, 'hidden')
    assert.isTrue(await review.publish())
    assert.equal((await Review.findOrFail(review.id)).status, 'published')
    const history = await StatusChange.of('Review', review.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['published', 'hidden'], ['hidden', 'published']])
    assert.equal(history[0].note, 'Names a child')
  })

  test('hiding a hidden review changes nothing', async ({ assert }) => {
    const review = await ReviewFactory.with('user').apply('hidden').create()
    assert.isFalse(await review.hide())
    assert.equal((await Review.findOrFail(review.id)).status, 'hidden')
    assert.lengthOf(await StatusChange.of('Review', review.id), 0)
  })

  test('deleting the author deletes their reviews', async ({ assert }) => {
    const review = await ReviewFactory.with('user').create()
    await (await review.related('user').query().firstOrFail()).delete()
    assert.isNull(await Review.find(review.id))
  })

  test('a customer reviews the same subject only once', async () => {
    const user = await UserFactory.create()
    const pkg = await PackageFactory.create()
    const subject = { userId: user.id, reviewableType: 'package' as const, reviewableId: pkg.id }
    await ReviewFactory.merge(subject).create()
    await assertViolates(() => ReviewFactory.merge(subject).create(), 'unique')
  })

  test('a rating below 1 is refused', async () => {
    await assertViolates(() => ReviewFactory.with('user').merge({ rating: 0 }).create(), 'check')
  })

  test('a rating above 5 is refused', async () => {
    await assertViolates(() => ReviewFactory.with('user').merge({ rating: 6 }).create(), 'check')
  })

  test('only products, packages and photographers can be reviewed', async () => {
    await assertViolates(() => ReviewFactory.with('user').merge({ reviewableType: 'gallery' as any }).create(), 'check')
  })
})
