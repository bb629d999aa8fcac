import type { HttpContext } from '@adonisjs/core/http'

/**
 * Where someone was going before they had to sign in or sign up (the auth middleware, a
 * booking's last step), once: only a path of this site, never `//elsewhere`.
 */
export function pullIntendedUrl(ctx: HttpContext): string | null {
  const url = ctx.session.pull('intended_url')
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null
}
