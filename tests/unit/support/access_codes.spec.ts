import { test } from '@japa/runner'
import { ACCESS_CODE_ALPHABET, generateAccessCode } from '#support/access_codes'

test.group('Gallery access codes', () => {
  test('codes are 10 characters from an alphabet without look-alikes', ({ assert }) => {
    for (let i = 0; i < 200; i++) {
      const code = generateAccessCode()
      assert.lengthOf(code, 10)
      assert.notMatch(code, /[01OIL]/)
      assert.isTrue([...code].every((c) => ACCESS_CODE_ALPHABET.includes(c)))
    }
  })

  test('the length can be chosen', ({ assert }) => {
    assert.lengthOf(generateAccessCode(6), 6)
  })

  test('a seeded picker gives the same code every time', ({ assert }) => {
    const picker = () => {
      let n = 0
      return (size: number) => n++ % size
    }
    assert.equal(generateAccessCode(10, picker()), generateAccessCode(10, picker()))
    assert.equal(generateAccessCode(4, picker()), '2345')
  })
})
