import { test } from '@japa/runner'
import string from '@adonisjs/core/helpers/string'
import { bytesDrawn, pooledRandom } from '#support/pooled_random'

test.group('Pooled random strings', () => {
  test('URL-safe strings of the size asked, never the same twice across many pool refills', async ({ assert }) => {
    const values = Array.from({ length: 20_000 }, (_, n) => pooledRandom(16 + (n % 3) * 8))
    values.forEach((value, n) => {
      assert.lengthOf(value, 16 + (n % 3) * 8)
      assert.match(value, /^[A-Za-z0-9_-]+$/)
    })
    assert.equal(new Set(values).size, values.length)
    assert.lengthOf(pooledRandom(6000), 6000)
  })

  test('the app\'s string.random (nonces, session ids) draws from the pool', async ({ assert }) => {
    const nonces = Array.from({ length: 500 }, () => string.generateRandom(16))
    assert.equal(new Set(nonces).size, 500)
    const before = bytesDrawn()
    string.generateRandom(16)
    assert.equal(bytesDrawn() - before, 13, '16 base64 characters take 13 bytes of the pool')
  })
})
