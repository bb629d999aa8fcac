import { randomInt } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'

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

/** A fresh access code no gallery (deleted ones included) uses yet. */
export async function uniqueAccessCode(length = 10) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generateAccessCode(length)
    if (!(await db.from('galleries').where('access_code', code).first())) return code
  }
  throw new Error('Could not find a free access code')
}
