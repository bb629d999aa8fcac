import type { HttpContext } from '@adonisjs/core/http'
import { PUBLIC_PAGE_HEADER } from '#middleware/public_page_middleware'

/** How long a CDN or browser may keep each kind of public page (seconds). */
export const PUBLIC_MAX_AGE = {
  home: 300,
  portfolio: 300,
  shop: 300,
  artwork: 3600,
  product: 3600,
  page: 86_400,
} as const

/**
 * Sends a rendered public page with an ETag, answering 304 when the browser's copy is
 * current. Signed-in visitors see their own header, so their copy stays private.
 *
 * The ETag is of the content: every render carries a fresh CSP nonce and CSRF token,
 * which are left out of the fingerprint (a cached copy keeps its own nonce together with
 * the CSP header that was cached with it).
 */
export function sendCachedPage({ auth, request, response, session }: HttpContext, html: string, maxAge: number) {
  // A flash message is for one visitor: that copy is theirs alone.
  const shared = !auth.user && Object.keys(session.flashMessages.all()).length === 0
  response.header('Cache-Control', shared ? `public, max-age=${maxAge}` : 'private, no-cache')
  response.header('Vary', 'Cookie')
  if (shared) response.header(PUBLIC_PAGE_HEADER, '1')
  let fingerprint = html
  for (const volatile of [response.nonce, request.csrfToken]) {
    if (volatile) fingerprint = fingerprint.replaceAll(volatile, '')
  }
  response.setEtag(fingerprint)
  if (request.method() === 'GET' && response.fresh()) {
    response.status(304)
    return ''
  }
  return html
}
