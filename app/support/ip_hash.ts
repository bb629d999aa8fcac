import { keyedHash } from '#support/keyed_hash'

/**
 * The downloader's IP, keyed-hashed: the same address always gives the same hash (the
 * studio can spot one address fetching everything), yet the raw IP is never stored.
 */
export function hashIp(ip: string | null | undefined) {
  return ip ? keyedHash(ip) : null
}
