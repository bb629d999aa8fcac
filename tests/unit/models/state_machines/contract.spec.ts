import { test } from '@japa/runner'
import Contract from '#models/contract'
import StatusChange from '#models/status_change'
import { ContractFactory } from '#database/factories/contract_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Contract state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('the client signs in two tabs at once: one signature, one history row', async ({ assert }) => {
    const contract = await ContractFactory.apply('sent').create()
    const [a, b] = await Promise.all([Contract.findOrFail(contract.id), Contract.findOrFail(contract.id)])
    const results = await Promise.all([
      a.sign({ name: 'Casey Rivera', ip: '203.0.113.7', kind: 'typed', value: 'Casey Rivera' }),
      b.sign({ name: 'C. Rivera', ip: '203.0.113.8', kind: 'typed', value: 'C. Rivera' }),
    ])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Contract', contract.id), 1)
    assert.equal((await Contract.findOrFail(contract.id)).signerName, results[0] ? 'Casey Rivera' : 'C. Rivera')
  })
})
