import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { Encryption } from '@adonisjs/core/encryption'
import { rememberSignatures } from '#support/remembered_signatures'

const SECRET = 'a-test-secret-of-32-characters!!'

test.group('Remembered signatures', () => {
  test('a remembered signature is the one the verifier would compute, and still verifies', async ({ assert }) => {
    const plain = new Encryption({ secret: SECRET })
    const remembering = new Encryption({ secret: SECRET })
    rememberSignatures(remembering)
    const first = remembering.verifier.sign('session-id-123', undefined, 'loupe-session')
    assert.equal(remembering.verifier.sign('session-id-123', undefined, 'loupe-session'), first)
    assert.equal(first, plain.verifier.sign('session-id-123', undefined, 'loupe-session'))
    assert.equal(remembering.verifier.unsign(first, 'loupe-session'), 'session-id-123')
    assert.isNull(remembering.verifier.unsign(first, 'another-purpose'), 'the purpose is part of what is remembered')
    assert.notEqual(remembering.verifier.sign('session-id-123', undefined, 'another-purpose'), first)
  })

  test('a signature checked once verifies again; a different or expiring one is never taken for it', async ({ assert }) => {
    const plain = new Encryption({ secret: SECRET })
    const remembering = new Encryption({ secret: SECRET })
    rememberSignatures(remembering)
    const cookie = plain.verifier.sign('session-id-9', undefined, 'loupe-session')
    assert.equal(remembering.verifier.unsign(cookie, 'loupe-session'), 'session-id-9')
    assert.equal(remembering.verifier.unsign(cookie, 'loupe-session'), 'session-id-9')
    assert.isNull(remembering.verifier.unsign(cookie, 'other'))
    assert.isNull(remembering.verifier.unsign(`${cookie.slice(0, -2)}xx`, 'loupe-session'), 'a tampered signature')
    // A string signed with an expiry verifies until it expires, and is not remembered as forever valid.
    const expiring = plain.verifier.sign('session-id-9', '1h', 'loupe-session')
    assert.notEqual(expiring, cookie)
    assert.equal(remembering.verifier.unsign(expiring, 'loupe-session'), 'session-id-9')
    const expired = plain.verifier.sign('session-id-9', -1, 'loupe-session')
    assert.isNull(remembering.verifier.unsign(expired, 'loupe-session'))
    assert.isNull(remembering.verifier.unsign(expired, 'loupe-session'))
  })

  test('objects and values with an expiry are signed as before', async ({ assert }) => {
    const remembering = new Encryption({ secret: SECRET })
    rememberSignatures(remembering)
    const object = remembering.verifier.sign({ id: 1 }, undefined, 'p')
    assert.deepEqual(remembering.verifier.unsign(object, 'p'), { id: 1 })
    const expiring = remembering.verifier.sign('download', '1h', 'p')
    assert.equal(remembering.verifier.unsign(expiring, 'p'), 'download')
    const expired = remembering.verifier.sign('download', -1, 'p')
    assert.isNull(remembering.verifier.unsign(expired, 'p'), 'an expired signature is refused, not remembered')
  })

  test('the app signs its cookies through it', async ({ assert }) => {
    const encryption = await app.container.make('encryption')
    const signature = encryption.verifier.sign('abc', undefined, 'loupe-session')
    assert.equal(signature, new Encryption({ secret: app.config.get<string>('app.appKey') }).verifier.sign('abc', undefined, 'loupe-session'))
    assert.notEqual(encryption.verifier.sign.name, 'sign', 'the verifier\'s sign is the remembering one')
  })
})
