import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payout from '#models/payout'
import { PayoutFactory } from '#database/factories/payout_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Payout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a payout that reloads with its photographer', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    const reloaded = await Payout.query().where('id', payout.id).preload('photographer').firstOrFail()
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.equal(reloaded.periodStart.day, 1)
  })

  test('a photographer is paid once per period', async () => {
    const payout = await PayoutFactory.create()
    await assertViolates(() => PayoutFactory.merge({ photographerId: payout.photographerId }).create(), 'unique')
  })

  test('amount, period and status are checked by the database', async () => {
    await assertViolates(() => PayoutFactory.merge({ amount: 0 }).create(), 'check')
    await assertViolates(() => PayoutFactory.merge({ status: 'sent' as any }).create(), 'check')
    const payout = await PayoutFactory.make()
    await assertViolates(() => PayoutFactory.merge({ periodStart: payout.periodEnd, periodEnd: payout.periodStart }).create(), 'check')
  })

  test('a photographer with payouts cannot be hard-deleted', async () => {
    const payout = await PayoutFactory.create()
    await assertViolates(() => db.from('users').where('id', payout.photographerId).delete(), 'foreign_key')
  })

  test('a payout is paid with a reference, or fails and is retried', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    assert.isTrue(await payout.markFailed('Account closed'))
    assert.equal((await Payout.findOrFail(payout.id)).failureReason, 'Account closed')
    assert.isTrue(await payout.retry())
    assert.isTrue(await payout.markPaid('po_123'))
    const reloaded = await Payout.findOrFail(payout.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.reference, 'po_123')
    assert.isNull(reloaded.failureReason)
    const history = await StatusChange.of('Payout', payout.id)
    assert.deepEqual(history.map((c) => c.toStatus), ['failed', 'pending', 'paid'])
  })

  test('refused payout transitions return false and change nothing', async ({ assert }) => {
    const paid = await PayoutFactory.apply('paid').create()
    const pending = await PayoutFactory.create()
    assert.isFalse(await paid.markFailed('late'))
    assert.isFalse(await paid.retry())
    assert.isFalse(await pending.retry())
    const reloaded = await Payout.findOrFail(paid.id)
    assert.equal(reloaded.status, 'paid')
    assert.isNull(reloaded.failureReason)
    assert.equal((await Payout.findOrFail(pending.id)).status, 'pending')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Payout'), 0)
  })
})
