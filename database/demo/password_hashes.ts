import hash from '@adonisjs/core/services/hash'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

const made = new Map<string, Promise<string>>()

/**
 * One scrypt hash per demo password per run, shared by every row that uses it: at
 * OWASP's cost each hash takes about half a second, and the demo has dozens of accounts.
 */
export function demoHash(password: string) {
  if (!made.has(password)) made.set(password, hash.make(password))
  return made.get(password)!
}

/**
 * Gives a user created without a password the shared hash. Written with the query
 * builder: the model would hash the hash again.
 */
export async function setDemoPassword(client: QueryClientContract, userId: string, password: string) {
  await client.from('users').where('id', userId).whereNull('password').update({ password: await demoHash(password) })
}
