import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import NumberSequence from '#models/number_sequence'
import { NumberSequenceFactory } from '#database/factories/number_sequence_factory'
import { nextNumber, nextNumbers } from '#support/next_number'
import { assertViolates } from '#tests/support/violations'

test.group('Number sequence', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a counter', async ({ assert }) => {
    const sequence = await NumberSequenceFactory.create()
    assert.equal((await NumberSequence.findOrFail(sequence.id)).lastValue, sequence.lastValue)
  })

  test('one counter per kind and year', async () => {
    const sequence = await NumberSequenceFactory.create()
    await assertViolates(() => NumberSequenceFactory.merge({ kind: sequence.kind, year: sequence.year }).create(), 'unique')
    await assertViolates(() => NumberSequenceFactory.merge({ kind: 'ticket' as any }).create(), 'check')
  })

  test('numbers have the kind prefix, the year and six digits', async ({ assert }) => {
    const year = DateTime.now().year
    assert.match(await nextNumber('session'), new RegExp(`^S-${year}-\\d{6}$`))
    assert.match(await nextNumber('order'), new RegExp(`^O-${year}-\\d{6}$`))
    assert.match(await nextNumber('invoice'), new RegExp(`^INV-${year}-\\d{6}$`))
  })

  test('each kind counts on its own', async ({ assert }) => {
    const a = await nextNumber('order')
    const b = await nextNumber('order')
    const c = await nextNumber('invoice')
    const d = await nextNumber('invoice')
    assert.equal(Number(b.slice(-6)) - Number(a.slice(-6)), 1)
    assert.equal(Number(d.slice(-6)) - Number(c.slice(-6)), 1)
  })

  test('a number taken in a rolled-back transaction is handed out again', async ({ assert }) => {
    const trx = await db.transaction()
    const taken = await nextNumber('invoice', trx)
    await trx.rollback()
    assert.equal(await nextNumber('invoice'), taken)
  })
})

/** Real concurrency: no global transaction here, so this group cleans up its own rows. */
test.group('Number sequence under concurrency', (group) => {
  const cleanUp = async () => {
    await db.from('number_sequences').delete()
  }
  group.each.setup(async () => {
    await cleanUp()
    return cleanUp
  })

  test('20 numbers claimed at once are 20 distinct consecutive numbers', async ({ assert }) => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextNumber('session')))
    assert.equal(new Set(numbers).size, 20)
    const values = numbers.map((n) => Number(n.slice(-6))).sort((x, y) => x - y)
    assert.deepEqual(values, Array.from({ length: 20 }, (_, i) => i + 1))
  })

  test('concurrent transactions each get their own number', async ({ assert }) => {
    const numbers = await Promise.all(
      Array.from({ length: 8 }, () => db.transaction((trx) => nextNumber('order', trx)))
    )
    assert.equal(new Set(numbers).size, 8)
  })

  test('a block of numbers taken at once, beside single ones at once: every number once, no gap', async ({ assert }) => {
    const taken = await Promise.all([
      db.transaction((trx) => nextNumbers('invoice', 5, trx)),
      nextNumber('invoice'),
      db.transaction((trx) => nextNumbers('invoice', 3, trx)),
      nextNumber('invoice'),
    ])
    const blocks = [taken[0], taken[2]] as string[][]
    for (const block of blocks) {
      const values = block.map((n) => Number(n.slice(-6)))
      assert.deepEqual(values, values.map((_, i) => values[0] + i), 'a block is consecutive')
    }
    const all = taken.flat().map((n) => Number(n.slice(-6))).sort((x, y) => x - y)
    assert.deepEqual(all, Array.from({ length: 10 }, (_, i) => i + 1))
    assert.deepEqual(await db.transaction((trx) => nextNumbers('invoice', 0, trx)), [])
  })
})
