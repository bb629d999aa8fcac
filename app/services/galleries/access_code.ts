import { randomInt } from 'node:crypto'

/** No 0/O, 1/I/L: codes are read aloud and typed from printed cards. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/**
 * A gallery access code. `pick(n)` returns an integer in [0, n); the default is
 * cryptographically random, the demo seeder passes its seeded generator.
 */
export function generateAccessCode(length = 10, pick: (n: number) => number = randomInt) {
  let code = ''
  for (let i = 0; i < length; i++) code += ACCESS_CODE_ALPHABET[pick(ACCESS_CODE_ALPHABET.length)]
  return code
}
