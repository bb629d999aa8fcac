import { test } from '@japa/runner'
import { trustedProxies } from '#support/http/trusted_proxies'

test.group('TRUSTED_PROXIES', () => {
  test('trusts the listed addresses and ranges, nothing else', ({ assert }) => {
    const trust = trustedProxies(' 10.0.0.0/8 , 192.0.2.1,loopback')
    assert.isTrue(trust('10.20.30.40', 0))
    assert.isTrue(trust('192.0.2.1', 0))
    assert.isTrue(trust('127.0.0.1', 0))
    assert.isFalse(trust('192.0.2.2', 0))
    assert.isFalse(trust('203.0.113.5', 1))
  })

  test('an empty list trusts no one', ({ assert }) => {
    assert.isFalse(trustedProxies('')('127.0.0.1', 0))
    assert.isFalse(trustedProxies(undefined)('10.0.0.1', 0))
  })

  test('a typo fails loudly instead of trusting everyone', ({ assert }) => {
    assert.throws(() => trustedProxies('10.0.0.0/33'), /invalid range/)
  })
})
