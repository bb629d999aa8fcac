import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Contract from '#models/contract'
import { ContractFactory } from '#database/factories/contract_factory'
import { ContractTemplateFactory } from '#database/factories/contract_template_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { InvalidTransitionException } from '#models/concerns/state_machine'
import { assertViolates } from '#tests/support/violations'

const signature = { name: 'Casey Rivera', ip: '198.51.100.4', kind: 'typed' as const, value: 'Casey Rivera' }

test.group('Contract', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a contract that reloads with its template, client and session', async ({ assert }) => {
    const contract = await ContractFactory.with('template').with('photoSession').create()
    const reloaded = await Contract.query()
      .where('id', contract.id)
      .preload('template')
      .preload('user')
      .preload('photoSession')
      .firstOrFail()
    assert.equal(reloaded.template.id, contract.templateId)
    assert.equal(reloaded.user.id, contract.userId)
    assert.equal(reloaded.photoSession.id, contract.photoSessionId)
  })

  test('sending freezes the body under its SHA-256', async ({ assert }) => {
    const contract = await ContractFactory.create()
    assert.isTrue(await contract.send())
    const reloaded = await Contract.findOrFail(contract.id)
    assert.equal(reloaded.status, 'sent')
    assert.equal(reloaded.bodySha256, Contract.digest(reloaded.body))
    assert.isTrue(reloaded.isIntact)
    assert.isNotNull(reloaded.sentAt)
  })

  test('a draft body can still be edited', async ({ assert }) => {
    const contract = await ContractFactory.create()
    contract.body = 'Revised terms'
    await contract.save()
    assert.equal((await Contract.findOrFail(contract.id)).body, 'Revised terms')
  })

  test('a sent body cannot be edited', async ({ assert }) => {
    const contract = await ContractFactory.apply('sent').create()
    contract.body = 'Sneaky new terms'
    await assert.rejects(() => contract.save(), InvalidTransitionException, /cannot change once it has been sent/)
  })

  test('a sent contract is signed with the signer details', async ({ assert }) => {
    const contract = await ContractFactory.apply('sent').create()
    assert.isTrue(await contract.sign(signature))
    const reloaded = await Contract.findOrFail(contract.id)
    assert.equal(reloaded.status, 'signed')
    assert.equal(reloaded.signerName, 'Casey Rivera')
    assert.equal(reloaded.signatureKind, 'typed')
    assert.isNotNull(reloaded.signedAt)
    assert.notProperty(reloaded.serialize(), 'signerIp')
  })

  test('a draft cannot be signed', async ({ assert }) => {
    const contract = await ContractFactory.create()
    assert.isFalse(await contract.sign(signature))
    const reloaded = await Contract.findOrFail(contract.id)
    assert.equal(reloaded.status, 'draft')
    assert.isNull(reloaded.signerName)
    assert.lengthOf(await StatusChange.of('Contract', contract.id), 0)
  })

  test('a body edited after sending is not sent as read, nor signed from a copy read before', async ({ assert }) => {
    const draft = await ContractFactory.create()
    const stale = await Contract.findOrFail(draft.id)
    await Contract.query().where('id', draft.id).update({ body: 'Edited in another tab' })
    assert.isFalse(await stale.send())
    assert.equal((await Contract.findOrFail(draft.id)).status, 'draft')

    const sent = await ContractFactory.apply('sent').create()
    const copy = await Contract.findOrFail(sent.id)
    await Contract.query().where('id', sent.id).update({ body: 'Terms edited behind the model' })
    assert.isTrue(copy.isIntact)
    assert.isFalse(await copy.sign(signature))
    assert.equal((await Contract.findOrFail(sent.id)).status, 'sent')
  })

  test('a contract whose body no longer matches its hash cannot be signed', async ({ assert }) => {
    const sent = await ContractFactory.apply('sent').create()
    await Contract.query().where('id', sent.id).update({ body: 'Terms edited behind the model' })
    const contract = await Contract.findOrFail(sent.id)
    assert.isFalse(contract.isIntact)
    await assert.rejects(() => contract.sign(signature), InvalidTransitionException, /body changed/)
    assert.equal(contract.status, 'sent')
  })

  test('a signed contract can be voided, once, the reason in its history', async ({ assert }) => {
    const contract = await ContractFactory.apply('signed').create()
    assert.isTrue(await contract.void('Session cancelled'))
    assert.equal((await Contract.findOrFail(contract.id)).status, 'void')
    assert.isFalse(await contract.void('again'))
    assert.equal((await Contract.findOrFail(contract.id)).voidReason, 'Session cancelled')
    const history = await StatusChange.of('Contract', contract.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus, c.note]), [['signed', 'void', 'Session cancelled']])
  })

  test('a signed row without a signature is refused', async () => {
    const draft = await ContractFactory.create()
    await assertViolates(
      () =>
        Contract.create({
          userId: draft.userId,
          title: draft.title,
          body: draft.body,
          bodySha256: Contract.digest(draft.body),
          status: 'signed',
          sentAt: DateTime.now(),
          signedAt: DateTime.now(),
          signerName: 'Casey Rivera',
        }),
      'check'
    )
  })

  test('a sent row without a body hash is refused', async () => {
    const draft = await ContractFactory.create()
    await assertViolates(
      () =>
        Contract.create({
          userId: draft.userId,
          title: draft.title,
          body: draft.body,
          status: 'sent',
          sentAt: DateTime.now(),
        }),
      'check'
    )
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => ContractFactory.merge({ status: 'pending' as any }).create(), 'check')
  })

  test('a client with contracts cannot be hard-deleted', async () => {
    const user = await UserFactory.create()
    await ContractFactory.merge({ userId: user.id }).create()
    await assertViolates(() => user.delete(), 'foreign_key')
  })

  test('deleting the template keeps the contract', async ({ assert }) => {
    const template = await ContractTemplateFactory.create()
    const contract = await ContractFactory.merge({ templateId: template.id }).create()
    await template.delete()
    assert.isNull((await Contract.findOrFail(contract.id)).templateId)
  })
})
