import { createHmac } from 'node:crypto'
import { appKey } from '#config/app'

/**
 * HMAC-SHA256 keyed with APP_KEY: the same input always gives the same hash, yet a
 * short value (an IP address, a 6-digit code) can't be found again by hashing every
 * candidate without the key.
 */
export function keyedHash(value: string) {
  return createHmac('sha256', appKey.release()).update(value).digest('hex')
}
