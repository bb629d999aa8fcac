import { test } from '@japa/runner'
import { Scrypt } from '@adonisjs/core/hash/drivers/scrypt'
import { OWASP_SCRYPT } from '#config/hash'

test.group('Password hashing outside tests', () => {
  test("uses OWASP's scrypt parameters (N=2^17, r=8, p=1), within the memory it allows", async ({ assert }) => {
    const scrypt = new Scrypt(OWASP_SCRYPT)
    const hashed = await scrypt.make('violet guitar on the roof')
    assert.match(hashed, /^\$scrypt\$n=131072,r=8,p=1\$/)
    assert.isTrue(await scrypt.verify(hashed, 'violet guitar on the roof'))
    assert.isFalse(await scrypt.verify(hashed, 'violet guitar on the floor'))
    assert.isFalse(scrypt.needsReHash(hashed))
  }).timeout(20_000)

  test('hashes made with the old cost still verify and are marked for a rehash', async ({ assert }) => {
    const old = await new Scrypt({ cost: 16384, blockSize: 8, parallelization: 1, maxMemory: 33554432 }).make('violet guitar on the roof')
    const scrypt = new Scrypt(OWASP_SCRYPT)
    assert.isTrue(await scrypt.verify(old, 'violet guitar on the roof'))
    assert.isTrue(scrypt.needsReHash(old))
  }).timeout(20_000)
})
