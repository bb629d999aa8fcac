/*
| Creates .env from .env.example on first run, with a fresh APP_KEY. Never touches
| an existing .env.
*/
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function ensureEnv(root) {
  const target = join(root, '.env')
  if (existsSync(target)) return false
  const example = readFileSync(join(root, '.env.example'), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(target, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`), { mode: 0o600 })
  return true
}
