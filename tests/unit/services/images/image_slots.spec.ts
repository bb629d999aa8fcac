import { test } from '@japa/runner'
import { ImageSlots } from '#services/images/image_slots'

/** A piece of work that starts when the slots let it and ends when the test says so. */
function gatedWork(started: string[], name: string) {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  return {
    run: async () => {
      started.push(name)
      await done
      return name
    },
    finish,
  }
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

test.group('Image slots (photos at once)', () => {
  test('lets as many pieces of work run as it has slots; the next starts when one ends', async ({ assert }) => {
    const slots = new ImageSlots(2)
    const started: string[] = []
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gatedWork(started, name))
    const results = [a, b, c].map((work) => slots.run(work.run))

    await settle()
    assert.deepEqual(started, ['a', 'b'])
    b.finish()
    await settle()
    assert.deepEqual(started, ['a', 'b', 'c'])
    a.finish()
    c.finish()
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c'])
  })

  test('with one slot, photos take turns in the order they came', async ({ assert }) => {
    const slots = new ImageSlots(1)
    const started: string[] = []
    const works = ['a', 'b', 'c'].map((name) => gatedWork(started, name))
    const results = works.map((work) => slots.run(work.run))

    for (const [index, work] of works.entries()) {
      await settle()
      assert.deepEqual(started, ['a', 'b', 'c'].slice(0, index + 1))
      work.finish()
    }
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c'])
  })

  test('a failing piece of work frees its slot for the next', async ({ assert }) => {
    const slots = new ImageSlots(1)
    const failing = slots.run(async () => {
      throw new Error('corrupt original')
    })
    const next = slots.run(async () => 'next')
    await assert.rejects(() => failing, 'corrupt original')
    assert.equal(await next, 'next')
  })

  test('refuses a size that is not a whole number of at least 1', ({ assert }) => {
    for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => new ImageSlots(size), /whole number/)
  })
})
