import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import CustomOrder from '#models/custom_order'
import CustomOrderProposal from '#models/custom_order_proposal'
import ConceptImage from '#models/concept_image'
import { CustomOrderFactory } from '#database/factories/custom_order_factory'
import { CustomOrderProposalFactory } from '#database/factories/custom_order_proposal_factory'
import { ConceptImageFactory } from '#database/factories/concept_image_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Custom order', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a commission that reloads with customer, photographer, concept, proposals, milestones and concept images', async ({
    assert,
  }) => {
    const order = await CustomOrderFactory.with('user')
      .with('photographer', 1, (u) => u.apply('photographer'))
      .with('conceptMedia')
      .with('proposals', 2, (p) => p.with('photographer', 1, (u) => u.apply('photographer')))
      .with('milestones', 3)
      .apply('accepted')
      .create()
    await ConceptImageFactory.merge({ userId: order.userId, customOrderId: order.id }).apply('saved').create()
    const reloaded = await CustomOrder.query()
      .where('id', order.id)
      .preload('user')
      .preload('photographer')
      .preload('conceptMedia')
      .preload('proposals', (q) => q.preload('photographer'))
      .preload('milestones')
      .preload('conceptImages')
      .firstOrFail()
    assert.equal(reloaded.user.id, order.userId)
    assert.equal(reloaded.photographer.role, 'photographer')
    assert.equal(reloaded.conceptMedia.id, order.conceptMediaId)
    assert.lengthOf(reloaded.proposals, 2)
    assert.lengthOf(reloaded.milestones, 3)
    assert.deepEqual(
      reloaded.milestones.map((m) => m.position),
      [...reloaded.milestones.map((m) => m.position)].sort((a, b) => a - b)
    )
    assert.lengthOf(reloaded.conceptImages, 1)
  })

  test('a commission goes from open to completed through an accepted proposal', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').create()
    const photographer = await UserFactory.apply('photographer').create()
    const proposal = await CustomOrderProposalFactory.merge({ customOrderId: order.id, photographerId: photographer.id }).create()
    assert.isTrue(await order.markProposed())
    assert.isTrue(await proposal.accept())
    assert.isTrue(await order.accept(proposal))
    assert.isTrue(await order.start())
    assert.isTrue(await order.markDelivered())
    assert.isTrue(await order.complete())
    const reloaded = await CustomOrder.findOrFail(order.id)
    assert.equal(reloaded.status, 'completed')
    assert.equal(reloaded.photographerId, photographer.id)
    assert.isNotNull(reloaded.acceptedAt)
    assert.isNotNull(reloaded.completedAt)
    assert.equal((await CustomOrderProposal.findOrFail(proposal.id)).status, 'accepted')
    const history = await StatusChange.of('CustomOrder', order.id)
    assert.deepEqual(history.map((c) => c.toStatus), ['proposed', 'accepted', 'in_progress', 'delivered', 'completed'])
  })

  test('a delivery sent back for changes returns to work', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').apply('delivered').create()
    assert.isTrue(await order.start({ note: 'Softer light, please' }))
    assert.equal((await CustomOrder.findOrFail(order.id)).status, 'in_progress')
  })

  test('an open commission is not accepted, started or completed', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').create()
    const photographer = await UserFactory.apply('photographer').create()
    const proposal = await CustomOrderProposalFactory.merge({ customOrderId: order.id, photographerId: photographer.id }).create()
    assert.isFalse(await order.accept(proposal))
    assert.isFalse(await order.start())
    assert.isFalse(await order.complete())
    const reloaded = await CustomOrder.findOrFail(order.id)
    assert.equal(reloaded.status, 'open')
    assert.isNull(reloaded.photographerId)
    assert.isNull(reloaded.completedAt)
    assert.lengthOf(await StatusChange.of('CustomOrder', order.id), 0)
  })

  test('a completed commission is not cancelled', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').apply('completed').create()
    assert.isFalse(await order.cancel())
    const reloaded = await CustomOrder.findOrFail(order.id)
    assert.equal(reloaded.status, 'completed')
    assert.isNull(reloaded.cancelledAt)
  })

  test('an in-progress commission can be cancelled', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').apply('inProgress').create()
    assert.isTrue(await order.cancel())
    assert.equal((await CustomOrder.findOrFail(order.id)).status, 'cancelled')
  })

  test('the seekingProposals and active scopes', async ({ assert }) => {
    const user = await UserFactory.create()
    const open = await CustomOrderFactory.merge({ userId: user.id }).create()
    const working = await CustomOrderFactory.merge({ userId: user.id }).apply('inProgress').create()
    await CustomOrderFactory.merge({ userId: user.id }).apply('cancelled').create()
    const seeking = await CustomOrder.query().withScopes((s) => s.seekingProposals())
    const active = await CustomOrder.query().withScopes((s) => s.active())
    assert.deepEqual(seeking.map((o) => o.id), [open.id])
    assert.sameMembers(active.map((o) => o.id), [open.id, working.id])
  })

  test('a pending proposal can be declined or withdrawn, once', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').create()
    const [declined, withdrawn] = await CustomOrderProposalFactory.merge({ customOrderId: order.id })
      .with('photographer')
      .createMany(2)
    assert.isTrue(await declined.decline())
    assert.isTrue(await withdrawn.withdraw())
    assert.equal((await CustomOrderProposal.findOrFail(declined.id)).status, 'declined')
    assert.isNotNull((await CustomOrderProposal.findOrFail(withdrawn.id)).decidedAt)
    assert.isFalse(await declined.accept())
    assert.equal((await CustomOrderProposal.findOrFail(declined.id)).status, 'declined')
    assert.lengthOf(await StatusChange.of('CustomOrderProposal', declined.id), 1)
    const pending = await CustomOrderProposal.query().withScopes((s) => s.pending())
    assert.lengthOf(pending, 0)
  })

  test('deleting a commission deletes its proposals and milestones but keeps concept images', async ({ assert }) => {
    const order = await CustomOrderFactory.with('user').with('proposals', 1, (p) => p.with('photographer')).with('milestones', 2).create()
    const image = await ConceptImageFactory.merge({ userId: order.userId, customOrderId: order.id }).create()
    await db.from('custom_orders').where('id', order.id).delete()
    assert.lengthOf(await db.from('custom_order_proposals').where('custom_order_id', order.id), 0)
    assert.lengthOf(await db.from('custom_order_milestones').where('custom_order_id', order.id), 0)
    assert.isNull((await ConceptImage.findOrFail(image.id)).customOrderId)
  })

  test('the budget must be positive', async () => {
    const user = await UserFactory.create()
    await assertViolates(() => CustomOrderFactory.merge({ userId: user.id, budget: 0 }).create(), 'check')
  })

  test('the status must be a known one', async () => {
    const user = await UserFactory.create()
    await assertViolates(() => CustomOrderFactory.merge({ userId: user.id, status: 'haggling' as any }).create(), 'check')
  })

  test('a commission needs an existing customer', async () => {
    await assertViolates(() => CustomOrderFactory.merge({ userId: '00000000-0000-4000-8000-000000000000' }).create(), 'foreign_key')
  })

  test('a proposal price must be positive', async () => {
    const order = await CustomOrderFactory.with('user').create()
    const photographer = await UserFactory.create()
    await assertViolates(
      () => CustomOrderProposalFactory.merge({ customOrderId: order.id, photographerId: photographer.id, price: 0 }).create(),
      'check'
    )
  })
})
