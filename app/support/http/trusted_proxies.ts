import proxyAddr from 'proxy-addr'

/**
 * `trustProxy` for the HTTP server from TRUSTED_PROXIES: a comma-separated list of
 * addresses and CIDR ranges (or proxy-addr's names: loopback, linklocal, uniquelocal).
 * Only a hop from one of them may say who the client is in X-Forwarded-For, so behind
 * the studio's reverse proxy `request.ip()` (and every rate limit keyed on it) is the
 * client's address; with the list empty the header is ignored. A typo fails the boot.
 */
export function trustedProxies(list: string | undefined) {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return proxyAddr.compile(entries)
}
