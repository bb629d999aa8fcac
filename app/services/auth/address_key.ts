import { createHash } from 'node:crypto'

/**
 * An email address as a rate-limit key: a short digest of it, case-insensitive. Keys stay
 * within the store's 255-character column whatever the address, and don't spell it out.
 */
export function addressKey(email: string) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 24)
}
