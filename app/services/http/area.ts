import type { HttpContext } from '@adonisjs/core/http'

export type Area = 'site' | 'portal' | 'admin' | 'kiosk'

const PREFIXES: [string, Area][] = [
  ['/admin', 'admin'],
  ['/photographer', 'admin'],
  ['/studio', 'kiosk'],
  ['/portal', 'portal'],
]

/** Which of the four layouts a URL belongs to. */
export function areaOf(ctx: HttpContext): Area {
  const url = ctx.request.url()
  const match = PREFIXES.find(([prefix]) => url === prefix || url.startsWith(`${prefix}/`))
  return match ? match[1] : 'site'
}
