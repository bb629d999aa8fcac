import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import OneTimeCode from '#models/one_time_code'
import type User from '#models/user'
import { sqlTime } from '#support/db/sql_time'
import { affectedRows } from '#support/db/affected_rows'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** A one-time sign-in link token (256 bits, 15 minutes unless told); only its digest is stored. */
export async function issueSignInLink(user: User & { email: string }, options: { minutes?: number } = {}) {
  const token = randomBytes(32).toString('base64url')
  await OneTimeCode.create({
    userId: user.id,
    channel: 'email',
    destination: user.email,
    codeHash: sha256(token),
    purpose: 'login',
    attempts: 0,
    expiresAt: DateTime.now().plus({ minutes: options.minutes ?? 15 }),
    consumedAt: null,
  })
  return token
}

/** The link's row while it is unused and unexpired. */
export async function findUsableSignInLink(token: string) {
  return OneTimeCode.query()
    .where('codeHash', sha256(token))
    .where('purpose', 'login')
    .where('channel', 'email')
    .whereNull('consumedAt')
    .where('expiresAt', '>', sqlTime())
    .preload('user')
    .first()
}

/** Uses the link up: of two requests racing with it, only one sees a row change. */
export async function consumeSignInLink(link: OneTimeCode) {
  const changed = await OneTimeCode.query()
    .where('id', link.id)
    .whereNull('consumedAt')
    .where('expiresAt', '>', sqlTime())
    .update({ consumedAt: sqlTime(), updatedAt: sqlTime() })
  return affectedRows(changed) === 1
}
