import type { HttpContext } from '@adonisjs/core/http'
import { PUBLIC_PAGE_HEADER } from '#middleware/public_page_middleware'
import { trackVisit } from '#controllers/site/track_visit'
import type { AnalyticsEventName } from '#models/analytics_event'
import { publicPageMemory, type KeptVisit } from '#support/http/public_page_memory'

/** How long a CDN or browser may keep each kind of public page (seconds). */
export const PUBLIC_MAX_AGE = {
  home: 300,
  portfolio: 300,
  shop: 300,
  artwork: 3600,
  product: 3600,
  page: 86_400,
} as const

/** A public page as its controller renders it, and the analytics event a view of it counts as. */
export interface PublicRender {
  html: string
  visit?: KeptVisit & { name: AnalyticsEventName }
}

/**
 * A public page: an anonymous visitor is served this process's kept copy while it is fresh
 * (see publicPageMemory), anyone else, or a missing copy, gets `render` run and sent by
 * sendCachedPage. A `render` that answers something else (a 404, a redirect) throws or
 * sends it itself, and nothing is kept. Every view is counted, kept copy or not.
 */
export async function servePublicPage(ctx: HttpContext, maxAge: number, render: () => Promise<PublicRender | void>) {
  const { request, response } = ctx
  const anonymous = request.method() === 'GET' && !ctx.auth.user && Object.keys(ctx.session.flashMessages.all()).length === 0
  const key = request.url(true)
  const tokens = { nonce: response.nonce, csrf: request.csrfToken }
  const kept = anonymous ? publicPageMemory.get(key) : null
  if (kept) {
    const { visit, maxAge, etag } = kept.meta
    if (visit) trackVisit(ctx, visit.name as AnalyticsEventName, visit.subject)
    sharedHeaders(ctx, maxAge)
    response.header('ETag', etag)
    if (response.fresh()) return response.notModified()
    response.header('Content-Type', 'text/html; charset=utf-8')
    return publicPageMemory.fill(kept, tokens)
  }
  const rendered = await render()
  if (!rendered) return
  if (rendered.visit) trackVisit(ctx, rendered.visit.name, rendered.visit.subject)
  const body = sendCachedPage(ctx, rendered.html, maxAge)
  const etag = response.getHeader('etag')
  if (anonymous && response.getHeader(PUBLIC_PAGE_HEADER) && typeof etag === 'string') {
    publicPageMemory.keep(key, rendered.html, tokens, { etag, maxAge, visit: rendered.visit ?? null })
  }
  return body
}

/**
 * Sends a rendered public page with an ETag, answering 304 when the browser's copy is
 * current. Signed-in visitors see their own header, so their copy stays private.
 *
 * The ETag is of the content: every render carries a fresh CSP nonce and CSRF token,
 * which are left out of the fingerprint (a cached copy keeps its own nonce together with
 * the CSP header that was cached with it).
 */
export function sendCachedPage(ctx: HttpContext, html: string, maxAge: number) {
  const { request, response } = ctx
  sharedHeaders(ctx, maxAge)
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

/** A flash message is for one visitor, as is a signed-in visitor's header: those copies are theirs alone. */
function sharedHeaders({ auth, response, session }: HttpContext, maxAge: number) {
  const shared = !auth.user && Object.keys(session.flashMessages.all()).length === 0
  response.header('Cache-Control', shared ? `public, max-age=${maxAge}` : 'private, no-cache')
  response.header('Vary', 'Cookie')
  if (shared) response.header(PUBLIC_PAGE_HEADER, '1')
  return shared
}
