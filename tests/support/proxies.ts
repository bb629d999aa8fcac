import app from '@adonisjs/core/services/app'
import { trustedProxies } from '#support/http/trusted_proxies'

/**
 * The in-process test server reads `trustProxy` from the live HTTP config on every
 * `request.ip()`: trust `list` (as TRUSTED_PROXIES would) until the returned function runs.
 */
export function trustProxies(list: string) {
  const http = app.config.get<{ trustProxy: unknown }>('app.http')
  const saved = http.trustProxy
  http.trustProxy = trustedProxies(list)
  return () => {
    http.trustProxy = saved
  }
}
