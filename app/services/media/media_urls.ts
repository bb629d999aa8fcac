import { createHmac, timingSafeEqual } from 'node:crypto'
import router from '@adonisjs/core/services/router'
import string from '@adonisjs/core/helpers/string'
import { appKey } from '#config/app'

/** The derived files every processed image has, by name. Originals go through downloads. */
export const MEDIA_VARIANT_FILES = {
  thumb: { file: 'thumb.webp', type: 'image/webp' },
  preview: { file: 'preview.webp', type: 'image/webp' },
  watermarked: { file: 'watermarked.webp', type: 'image/webp' },
  watermarkedThumb: { file: 'watermarked_thumb.webp', type: 'image/webp' },
  web: { file: 'web.jpg', type: 'image/jpeg' },
} as const

export type MediaVariant = keyof typeof MEDIA_VARIANT_FILES

/** The only sizes a watermarked gallery ever serves. */
export const WATERMARKED_VARIANTS: readonly MediaVariant[] = ['watermarked', 'watermarkedThumb']

/**
 * Whom a URL is for: a gallery's viewers (served only while that gallery is live, see
 * CheckMediaAccess), or the studio's own pages (served only to a signed-in studio user:
 * drafts, hidden and failed photos).
 */
export type MediaAudience = { galleryId: string } | 'studio'

/*
| A media URL is `/media/:id/:variant?g=<gallery>&e=<expiry>&t=<tag>` (or `s=1` for the
| studio): `e` the expiry in Unix seconds (base 36), `t` the first 128 bits of an
| HMAC-SHA256 (base64url, 22 characters) over the path, the audience and the expiry, with
| a key derived from APP_KEY for this purpose alone. ~110 characters where the framework's
| signed URLs (a base64 JSON envelope) took ~330: a 60-tile grid printed 2 of them a tile.
*/
const KEY = createHmac('sha256', appKey.release()).update('loupe:media-url:v1').digest()
const TAG_BYTES = 16

function tagOf(path: string, audience: string, expires: string) {
  return createHmac('sha256', KEY).update(`${path}\n${audience}\n${expires}`).digest().subarray(0, TAG_BYTES).toString('base64url')
}

const audienceOf = (audience: MediaAudience) => (audience === 'studio' ? 's' : `g:${audience.galleryId}`)

/**
 * A signed URL for one derived file. The signature covers the audience; the file route
 * checks it with at most one query per gallery and minute (a 500-photo grid costs none).
 */
export function mediaUrl(mediaAssetId: string, variant: MediaVariant, audience: MediaAudience, expiresIn: string | number = '12 hours', now = Date.now()) {
  const path = router.makeUrl('media.show', { id: mediaAssetId, variant })
  const expires = (Math.floor(now / 1000) + string.seconds.parse(expiresIn)).toString(36)
  const tag = tagOf(path, audienceOf(audience), expires)
  const who = audience === 'studio' ? 's=1' : `g=${audience.galleryId}`
  return `${path}?${who}&e=${expires}&t=${tag}`
}

/**
 * Whom a media URL's query string says it is for, if its signature is right and its time
 * not up; null otherwise. `path` is the request's path (`/media/:id/:variant`).
 */
export function verifyMediaUrl(path: string, qs: Record<string, unknown>, now = Date.now()): MediaAudience | null {
  const { g, s, e, t } = qs
  if (typeof e !== 'string' || typeof t !== 'string' || !/^[0-9a-z]{1,12}$/.test(e)) return null
  if (Number.parseInt(e, 36) * 1000 <= now) return null
  let audience: MediaAudience
  if (s === '1' && g === undefined) audience = 'studio'
  else if (typeof g === 'string' && s === undefined) audience = { galleryId: g }
  else return null
  const expected = Buffer.from(tagOf(path, audienceOf(audience), e))
  const given = Buffer.from(t)
  return given.length === expected.length && timingSafeEqual(given, expected) ? audience : null
}

export function mediaKey(mediaAssetId: string, variant: MediaVariant) {
  return `media/${mediaAssetId}/${MEDIA_VARIANT_FILES[variant].file}`
}
