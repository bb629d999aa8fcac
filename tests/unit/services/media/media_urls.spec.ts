import { test } from '@japa/runner'
import { mediaUrl, verifyMediaUrl } from '#services/media/media_urls'

const ASSET = '0b7a3c1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f'
const GALLERY = '3c97a353-5c81-40e6-b218-3a6f6c6febf0'
const OTHER = '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a'

/** A URL as the media route sees it: its path and its query string. */
function parts(url: string) {
  const parsed = new URL(url, 'http://localhost')
  return { path: parsed.pathname, qs: Object.fromEntries(parsed.searchParams) as Record<string, string> }
}

test.group('Media URLs: short signatures', () => {
  test('a gallery URL is short and names its audience', ({ assert }) => {
    const url = mediaUrl(ASSET, 'watermarkedThumb', { galleryId: GALLERY })
    // The framework's signed URLs took ~330 characters.
    assert.isBelow(url.length, 140)
    const { path, qs } = parts(url)
    assert.equal(path, `/media/${ASSET}/watermarkedThumb`)
    assert.deepEqual(verifyMediaUrl(path, qs), { galleryId: GALLERY })
    const studio = parts(mediaUrl(ASSET, 'thumb', 'studio'))
    assert.equal(verifyMediaUrl(studio.path, studio.qs), 'studio')
  })

  test('another audience, another photo or size, a later expiry or a changed tag break it', ({ assert }) => {
    const { path, qs } = parts(mediaUrl(ASSET, 'preview', { galleryId: GALLERY }))
    assert.isNull(verifyMediaUrl(path, { ...qs, g: OTHER }))
    assert.isNull(verifyMediaUrl(`/media/${ASSET}/web`, qs))
    assert.isNull(verifyMediaUrl(`/media/${OTHER}/preview`, qs))
    assert.isNull(verifyMediaUrl(path, { ...qs, e: (Number.parseInt(qs.e, 36) + 3600).toString(36) }))
    assert.isNull(verifyMediaUrl(path, { ...qs, t: qs.t.slice(0, -1) + (qs.t.endsWith('A') ? 'B' : 'A') }))
    assert.isNull(verifyMediaUrl(path, { ...qs, t: undefined } as any))
    // A gallery URL can't be passed off as the studio's, nor the other way round.
    const { g: _, ...withoutGallery } = qs
    assert.isNull(verifyMediaUrl(path, { ...withoutGallery, s: '1' }))
    const studio = parts(mediaUrl(ASSET, 'preview', 'studio'))
    assert.isNull(verifyMediaUrl(studio.path, { ...studio.qs, g: GALLERY }))
  })

  test('an expired URL is refused', ({ assert }) => {
    const made = Date.now() - 13 * 3600 * 1000
    const { path, qs } = parts(mediaUrl(ASSET, 'thumb', { galleryId: GALLERY }, '12 hours', made))
    assert.isNull(verifyMediaUrl(path, qs))
    assert.deepEqual(verifyMediaUrl(path, qs, made + 1000), { galleryId: GALLERY })
  })
})
