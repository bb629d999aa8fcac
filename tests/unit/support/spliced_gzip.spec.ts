import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { crc32, gunzipSync } from 'node:zlib'
import { acceptsGzip, crc32Combine, deflatedPart, splicedGzip } from '#support/http/spliced_gzip'

test.group('Spliced gzip: kept parts deflated once, per-response values stored between them', () => {
  test('any gzip reader gets back the parts in order, tokens included', ({ assert }) => {
    const page = '<li class="photo">'.repeat(2_000)
    const nonce = Buffer.from('n0nce-' + randomBytes(12).toString('base64url'))
    const body = splicedGzip([deflatedPart(Buffer.from(`<style nonce="`)), nonce, deflatedPart(Buffer.from(`">${page}</html>`))])
    assert.equal(gunzipSync(body).toString(), `<style nonce="${nonce}">${page}</html>`)
    // Compressed once: the repeated tiles cost a fraction of their size.
    assert.isBelow(body.length, page.length / 20)
  })

  test('empty parts, a page that starts with a token, and a value over one stored block (64 KB)', ({ assert }) => {
    const big = randomBytes(70_000)
    const parts = [Buffer.from('token'), deflatedPart(Buffer.alloc(0)), big, deflatedPart(Buffer.from('end'))]
    assert.deepEqual(gunzipSync(splicedGzip(parts)), Buffer.concat([Buffer.from('token'), big, Buffer.from('end')]))
  })

  test('a corrupted byte is caught by the CRC', ({ assert }) => {
    const body = splicedGzip([deflatedPart(Buffer.from('hello ')), Buffer.from('world')])
    body[body.length - 8] ^= 1
    assert.throws(() => gunzipSync(body), /incorrect data check|invalid|check/i)
  })

  test('gzip is taken unless refused with q=0', ({ assert }) => {
    assert.isTrue(acceptsGzip('gzip, deflate, br, zstd'))
    assert.isTrue(acceptsGzip('br;q=1.0, gzip;q=0.8'))
    assert.isFalse(acceptsGzip('gzip;q=0'))
    assert.isFalse(acceptsGzip('identity'))
    assert.isFalse(acceptsGzip('deflate, br'))
    assert.isFalse(acceptsGzip(undefined))
  })
})

test.group('Spliced gzip: CRC-32 combined from the pieces’ own', () => {
  test('equals the CRC of the joined bytes, for lengths from 0 to past 64 KB', ({ assert }) => {
    for (const [a, b] of [[0, 0], [1, 0], [0, 7], [5, 1], [57_000, 43], [3, 70_001], [1 << 16, (1 << 16) + 1]]) {
      const first = randomBytes(a)
      const second = randomBytes(b)
      const crc = (bytes: Buffer) => (bytes.length ? crc32(bytes) : 0)
      assert.equal(crc32Combine(crc(first), crc(second), b), crc(Buffer.concat([first, second])), `${a} + ${b}`)
    }
  })
})
