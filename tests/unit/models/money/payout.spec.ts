import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Payout from '#models/payout'
import { PayoutFactory } from '#database/factories/payout_factory'

test.group('Payout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a payout that reloads with its photographer', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    const reloaded = await Payout.query().where('id', payout.id).preload('photographer').firstOrFail()
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.equal(reloaded.periodStart.day, 1)
  })

  test('a photographer is paid once per period', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    await assert.rejects(() => PayoutFactory.merge({ photographerId: payout.photographerId }).create())
  })

  test('amount, period and status are checked by the database', async ({ assert }) => {
    await assert.rejects(() => PayoutFactory.merge({ amount: 0 }).create())
    await assert.rejects(() => PayoutFactory.merge({ status: 'sent' as any }).create())
    const payout = await PayoutFactory.make()
    await assert.rejects(() => PayoutFactory.merge({ periodStart: payout.periodEnd, periodEnd: payout.periodStart }).create())
  })

  test('a photographer with payouts cannot be hard-deleted', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    await assert.rejects(() => db.transaction((trx) => trx.from('users').where('id', payout.photographerId).delete()))
  })

  test('a payout is paid with a reference, or fails and is retried', async ({ assert }) => {
    const payout = await PayoutFactory.create()
    await payout.markFailed('Account closed')
    assert.equal(payout.status, 'failed')
    await payout.retry()
    await payout.markPaid('po_123')
    const reloaded = await Payout.findOrFail(payout.id)
    assert.equal(reloaded.status, 'paid')
    assert.equal(reloaded.reference, 'po_123')
    assert.isNull(reloaded.failureReason)
  })

  test('refused payout transitions', async ({ assert }) => {
    const paid = await PayoutFactory.apply('paid').create()
    const pending = await PayoutFactory.create()
    await assert.rejects(() => paid.markFailed('late'), /cannot go from paid to failed/)
    await assert.rejects(() => paid.retry(), /cannot go from paid to pending/)
    await assert.rejects(() => pending.retry(), /cannot go from pending to pending/)
  })
})
