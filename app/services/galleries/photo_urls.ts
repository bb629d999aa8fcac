import { mediaUrl, type MediaVariant } from '#services/media/media_urls'

/*
| Signed media URLs carry their expiry, so signing afresh on every page view would give
| every thumbnail a new URL and defeat the browser cache (and re-download the whole grid
| when the favourites filter swaps it). A URL valid 12 hours is reused for one hour, so
| it always has at least 11 hours left when handed out.
*/
const REUSE_MS = 60 * 60 * 1000
const MAX_ENTRIES = 20_000
const cache = new Map<string, { url: string; madeAt: number }>()

export function cachedMediaUrl(mediaAssetId: string, variant: MediaVariant, now = Date.now()) {
  const key = `${mediaAssetId}:${variant}`
  const hit = cache.get(key)
  if (hit && now - hit.madeAt < REUSE_MS) return hit.url

  const url = mediaUrl(mediaAssetId, variant, '12 hours')
  cache.delete(key)
  cache.set(key, { url, madeAt: now })
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return url
}

/**
 * What the lightbox may show: a watermarked gallery only ever hands out the watermarked
 * preview (or the small thumbnail while that one is missing), never `preview` or `web`.
 */
export function lightboxVariant(watermarkEnabled: boolean, variants: Record<string, unknown> | null): MediaVariant {
  if (!watermarkEnabled) return 'preview'
  return variants?.watermarked ? 'watermarked' : 'thumb'
}
