import type { HttpContext } from '@adonisjs/core/http'
import { localPath } from '#services/http/local_path'

/**
 * Where someone was going before they had to sign in or sign up (the auth middleware, a
 * booking's last step), once: only a path of this site (see localPath).
 */
export function pullIntendedUrl(ctx: HttpContext): string | null {
  return localPath(ctx.session.pull('intended_url'))
}
