import router from '@adonisjs/core/services/router'

/** The derived files every processed image has, by name. Originals go through downloads. */
export const MEDIA_VARIANT_FILES = {
  thumb: { file: 'thumb.webp', type: 'image/webp' },
  preview: { file: 'preview.webp', type: 'image/webp' },
  watermarked: { file: 'watermarked.webp', type: 'image/webp' },
  web: { file: 'web.jpg', type: 'image/jpeg' },
} as const

export type MediaVariant = keyof typeof MEDIA_VARIANT_FILES

/**
 * A signed URL for one derived file. The signature is the authorisation: pages hand
 * these out only to people allowed to see the photo, and the file route checks the
 * signature without touching the database (a 500-photo grid costs no queries).
 */
export function mediaUrl(mediaAssetId: string, variant: MediaVariant, expiresIn = '12 hours') {
  return router.makeSignedUrl('media.show', { id: mediaAssetId, variant }, { expiresIn, purpose: 'media' })
}

export function mediaKey(mediaAssetId: string, variant: MediaVariant) {
  return `media/${mediaAssetId}/${MEDIA_VARIANT_FILES[variant].file}`
}
