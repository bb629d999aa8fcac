import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLike } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import UserToken, { type UserTokenPurpose } from '#models/user_token'
import { sqlTime } from '#support/db/sql_time'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** Issues a single-use token; only its hash is stored, the plain value goes in the email. */
export async function issueUserToken(user: User, purpose: UserTokenPurpose, validFor: DurationLike) {
  const plain = randomBytes(32).toString('base64url')
  await UserToken.create({
    userId: user.id,
    purpose,
    tokenHash: sha256(plain),
    expiresAt: DateTime.now().plus(validFor),
    consumedAt: null,
  })
  return plain
}

/** The token's row when it exists, has this purpose, is unused and unexpired. */
export async function findUsableToken(plain: string, purpose: UserTokenPurpose) {
  const token = await UserToken.query()
    .where('tokenHash', sha256(plain))
    .where('purpose', purpose)
    .preload('user')
    .first()
  return token?.isUsable ? token : null
}

/**
 * Marks the token used. The conditional update makes it single use even when two
 * requests race with the same link: only one of them sees a row change.
 */
export async function consumeToken(token: UserToken) {
  const changed = await db
    .from('user_tokens')
    .where('id', token.id)
    .whereNull('consumed_at')
    .update({ consumed_at: sqlTime(), updated_at: sqlTime() })
  return Number(Array.isArray(changed) ? changed[0] : changed) === 1
}
