import { createHash } from 'node:crypto'
import { mediaUrl, type MediaAudience, type MediaVariant } from '#services/media/media_urls'

/*
| Signed media URLs carry their expiry, so signing afresh on every page view would give
| every thumbnail a new URL and defeat the browser cache (and re-download the whole grid
| when the favourites filter swaps it). A URL valid 12 hours is reused for one hour, so
| it always has at least 11 hours left when handed out.
*/
export const URL_REUSE_MS = 60 * 60 * 1000
const MAX_ENTRIES = 20_000
const cache = new Map<string, { url: string; madeAt: number }>()

/**
 * `file`: the variant's stored key, when known. A re-made file (a new watermark, under a new
 * name) then gets a freshly signed URL, so browsers holding the old one (cached as immutable)
 * fetch the new file.
 */
export function cachedMediaUrl(mediaAssetId: string, variant: MediaVariant, audience: MediaAudience, now = Date.now(), file: string | null = null) {
  const key = `${mediaAssetId}:${variant}:${audience === 'studio' ? 'studio' : audience.galleryId}:${file ?? ''}`
  const hit = cache.get(key)
  if (hit && now - hit.madeAt < URL_REUSE_MS) return hit.url

  // The file's name rides along (unsigned: it only busts caches), so a re-made file's URL
  // differs even when it is signed within the same second as the old one.
  const signed = mediaUrl(mediaAssetId, variant, audience, '12 hours', now)
  const url = file ? `${signed}&v=${createHash('sha256').update(file).digest('base64url').slice(0, 8)}` : signed
  cache.delete(key)
  cache.set(key, { url, madeAt: now })
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return url
}

/**
 * What the grid and the lightbox may show: a watermarked gallery only ever hands out
 * watermarked files, thumbnails included (a photo processed before watermarked
 * thumbnails existed shows its watermarked preview in the grid), never `thumb`,
 * `preview` or `web`.
 */
export function viewingVariants(watermarkEnabled: boolean, variants: Record<string, unknown> | null) {
  if (!watermarkEnabled) return { thumb: 'thumb', full: 'preview' } as const
  return { thumb: variants?.watermarkedThumb ? 'watermarkedThumb' : 'watermarked', full: 'watermarked' } as const
}
