import { createHmac } from 'node:crypto'
import { appKey } from '#config/app'

/**
 * The downloader's IP as an HMAC-SHA256 keyed with APP_KEY: the same address always
 * gives the same hash (the studio can spot one address fetching everything), yet the
 * raw IP is never stored and can't be found again by hashing every IPv4 address.
 */
export function hashIp(ip: string | null | undefined) {
  if (!ip) return null
  return createHmac('sha256', appKey.release()).update(ip).digest('hex')
}
