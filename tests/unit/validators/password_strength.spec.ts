import { test } from '@japa/runner'
import { passwordWeakness } from '#validators/rules/password_strength'

test.group('Password strength', () => {
  test('refuses passwords shorter than 10 characters', ({ assert }) => {
    assert.equal(passwordWeakness('short1!'), 'Use at least 10 characters')
  })

  test('refuses common and repetitive passwords', ({ assert }) => {
    assert.equal(passwordWeakness('Password123'), 'This password is too easy to guess')
    assert.equal(passwordWeakness('aaaaaaaaaaaa'), 'This password is too easy to guess')
  })

  test('refuses passwords that contain the email name', ({ assert }) => {
    assert.match(passwordWeakness('casey-rivera-2026', 'casey-rivera@example.com')!, /email/)
  })

  test('accepts a long passphrase', ({ assert }) => {
    assert.isNull(passwordWeakness('violet guitar on the roof', 'casey@example.com'))
  })
})
