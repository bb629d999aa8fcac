import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import env from '#start/env'
import type Gallery from '#models/gallery'
import type { GalleryViewer } from '#actions/galleries/gallery_viewer'
import type { ViewerRights } from '#actions/galleries/build_gallery_page'
import { pageMemory } from '#support/http/public_page_memory'
import { acceptsGzip } from '#support/http/spliced_gzip'
import { studioBranding } from '#services/studio/branding'

/*
| A gallery page rendered for one viewer, served again to that viewer while nothing it
| shows has changed: a family reloading, coming back to the grid, or opening it in two tabs.
| The key is a digest of everything the page is made of, as read on this very request (the
| gallery's row with its session and package facts, the visitor's row with its favourites
| version, the signed-in user's row,
| what the policy allowed, the URL and the studio's branding), so access is still decided
| on every view and a change made by any process shows at once. The photos come from the
| gallery's photos_version and watermark setting, both in its row.
| See docs/decisions/0008-gallery-page-caches.md.
*/
const memory = pageMemory<null>({ ttlMs: env.get('GALLERY_PAGE_CACHE_SECONDS', 60) * 1000, max: 500 })

/** The whole page only (not htmx's fragments), and never one carrying a flash message. */
export function keepsGalleryPage({ request, session }: HttpContext) {
  if (request.header('hx-request') && !request.header('hx-history-restore-request')) return false
  return Object.keys(session.flashMessages.all()).length === 0
}

export async function galleryPageKey(ctx: HttpContext, gallery: Gallery, viewer: GalleryViewer, rights: ViewerRights) {
  const parts = [
    ctx.request.url(true),
    valuesOf(gallery.$attributes),
    // The access facts read with it: the session's day, the package's included photos…
    valuesOf(gallery.$extras),
    viewer.kind,
    viewer.user ? valuesOf(viewer.user.$attributes) : null,
    viewer.visitor ? valuesOf(viewer.visitor.$attributes) : null,
    rights,
    await studioBranding(),
  ]
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url')
}

/** A row's values, dates as milliseconds (JSON.stringify would format each through Luxon). */
function valuesOf(attributes: Record<string, unknown>) {
  return Object.entries(attributes).map(([name, value]) => [name, DateTime.isDateTime(value) ? value.toMillis() : value])
}

function tokensOf({ request, response }: HttpContext) {
  return { nonce: response.nonce, csrf: request.csrfToken }
}

/**
 * This viewer's kept page for `key`, with this request's nonce and CSRF token in it, null if
 * none. Gzipped for a browser that takes it (compressed once, when kept): ~57 KB of tiles
 * is ~10 KB on a phone's connection.
 */
export function keptGalleryPage(ctx: HttpContext, key: string) {
  const kept = memory.get(key)
  if (!kept) return null
  const { request, response } = ctx
  const gzip = acceptsGzip(request.header('accept-encoding'))
  response.header('Content-Type', 'text/html; charset=utf-8')
  response.append('Vary', 'Accept-Encoding')
  if (gzip) response.header('Content-Encoding', 'gzip')
  return memory.fill(kept, tokensOf(ctx), { gzip })
}

/** Keeps the page just rendered, and answers with it as a kept page would be (gzipped if taken). */
export function keepGalleryPage(ctx: HttpContext, key: string, html: string) {
  memory.keep(key, html, tokensOf(ctx), null)
  return keptGalleryPage(ctx, key) ?? html
}
