import limiter from '@adonisjs/limiter/services/main'

/** Forget every rate-limit counter, so tests do not inherit each other's failures. */
export function resetRateLimits() {
  return limiter.clear(['memory'])
}
