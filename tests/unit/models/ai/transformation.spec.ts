import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Transformation from '#models/transformation'
import Payment from '#models/payment'
import { TransformationFactory } from '#database/factories/transformation_factory'
import { TransformationTypeFactory } from '#database/factories/transformation_type_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

async function owners() {
  const user = await UserFactory.create()
  const type = await TransformationTypeFactory.create()
  return { userId: user.id, transformationTypeId: type.id }
}

test.group('Transformation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a paid, completed transformation that reloads with user, type, media and payment', async ({
    assert,
  }) => {
    const transformation = await TransformationFactory.with('user')
      .with('transformationType')
      .with('sourceMedia')
      .with('resultMedia')
      .apply('completed', 'paid')
      .create()
    const payment = await Payment.create({
      userId: transformation.userId,
      transformationId: transformation.id,
      amount: 99,
      currency: 'USD',
      paymentType: 'transformation',
      method: 'card',
      provider: 'stripe',
      idempotencyKey: `transformation-${transformation.id}`,
      status: 'succeeded',
    })
    transformation.paymentId = payment.id
    await transformation.save()
    const reloaded = await Transformation.query()
      .where('id', transformation.id)
      .preload('user')
      .preload('transformationType')
      .preload('sourceMedia')
      .preload('resultMedia')
      .preload('payment')
      .firstOrFail()
    assert.equal(reloaded.user.id, transformation.userId)
    assert.equal(reloaded.transformationType.id, transformation.transformationTypeId)
    assert.equal(reloaded.sourceMedia.id, transformation.sourceMediaId)
    assert.equal(reloaded.resultMedia.id, transformation.resultMediaId)
    assert.equal(reloaded.payment.amount, 99)
    assert.equal(reloaded.charged, 'paid')
    assert.equal(reloaded.status, 'completed')
  })

  test('a transformation starts, completes and is purged a few minutes after download', async ({ assert }) => {
    const transformation = await TransformationFactory.merge(await owners()).create()
    const result = await MediaAssetFactory.create()
    assert.isTrue(await transformation.start('fake'))
    assert.isTrue(await transformation.complete(result))
    await transformation.markDownloaded()
    const reloaded = await Transformation.findOrFail(transformation.id)
    assert.equal(reloaded.status, 'completed')
    assert.equal(reloaded.provider, 'fake')
    assert.equal(reloaded.resultMediaId, result.id)
    assert.isNotNull(reloaded.startedAt)
    assert.equal(reloaded.purgeAfter!.diff(reloaded.downloadedAt!, 'minutes').minutes, 5)
    const history = await StatusChange.of('Transformation', transformation.id)
    assert.deepEqual(history.map((c) => c.toStatus), ['processing', 'completed'])
  })

  test('a transformation can fail while pending or processing, with a message', async ({ assert }) => {
    const parts = await owners()
    const pending = await TransformationFactory.merge(parts).create()
    const processing = await TransformationFactory.merge(parts).apply('processing').create()
    assert.isTrue(await pending.fail('Source image unreadable'))
    assert.isTrue(await processing.fail('Model timeout'))
    assert.equal((await Transformation.findOrFail(pending.id)).errorMessage, 'Source image unreadable')
    assert.equal((await Transformation.findOrFail(processing.id)).status, 'failed')
  })

  test('a pending transformation does not complete without being started', async ({ assert }) => {
    const transformation = await TransformationFactory.merge(await owners()).create()
    const result = await MediaAssetFactory.create()
    assert.isFalse(await transformation.complete(result))
    const reloaded = await Transformation.findOrFail(transformation.id)
    assert.equal(reloaded.status, 'pending')
    assert.isNull(reloaded.resultMediaId)
    assert.lengthOf(await StatusChange.of('Transformation', transformation.id), 0)
  })

  test('completed and failed transformations are final', async ({ assert }) => {
    const parts = await owners()
    const completed = await TransformationFactory.merge(parts).apply('completed').create()
    const failed = await TransformationFactory.merge(parts).apply('failed').create()
    assert.isFalse(await completed.fail('late error'))
    assert.isFalse(await failed.start('other'))
    const [a, b] = [await Transformation.findOrFail(completed.id), await Transformation.findOrFail(failed.id)]
    assert.equal(a.status, 'completed')
    assert.notEqual(a.errorMessage, 'late error')
    assert.equal(b.status, 'failed')
    assert.notEqual(b.provider, 'other')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Transformation'), 0)
  })

  test('the duePurge scope finds downloaded results past their purge time', async ({ assert }) => {
    const parts = await owners()
    const result = await MediaAssetFactory.create()
    const due = await TransformationFactory.merge({ ...parts, resultMediaId: result.id }).apply('downloaded').create()
    const other = await MediaAssetFactory.create()
    await TransformationFactory.merge({ ...parts, resultMediaId: other.id, purgeAfter: DateTime.now().plus({ minutes: 5 }) })
      .apply('completed')
      .create()
    await TransformationFactory.merge(parts).apply('completed').create()
    const found = await Transformation.query().withScopes((s) => s.duePurge())
    assert.deepEqual(found.map((t) => t.id), [due.id])
    const completed = await Transformation.query().withScopes((s) => s.withStatus('completed'))
    assert.lengthOf(completed, 3)
  })

  test('purging the result file keeps the transformation for billing', async ({ assert }) => {
    const result = await MediaAssetFactory.create()
    const transformation = await TransformationFactory.merge({ ...(await owners()), resultMediaId: result.id })
      .apply('downloaded')
      .create()
    await result.delete()
    assert.isNull((await Transformation.findOrFail(transformation.id)).resultMediaId)
  })

  test('deleting the user deletes their transformations', async ({ assert }) => {
    const transformation = await TransformationFactory.merge(await owners()).create()
    await db.from('users').where('id', transformation.userId).delete()
    assert.isNull(await Transformation.find(transformation.id))
  })

  test('the status must be a known one', async () => {
    const parts = await owners()
    await assertViolates(() => TransformationFactory.merge({ ...parts, status: 'queued' as any }).create(), 'check')
  })

  test('how it was charged must be free, paid or subscription', async () => {
    const parts = await owners()
    await assertViolates(() => TransformationFactory.merge({ ...parts, charged: 'gift' as any }).create(), 'check')
  })

  test('a transformation needs an existing type', async () => {
    const user = await UserFactory.create()
    await assertViolates(
      () => TransformationFactory.merge({ userId: user.id, transformationTypeId: '00000000-0000-4000-8000-000000000000' }).create(),
      'foreign_key'
    )
  })
})
