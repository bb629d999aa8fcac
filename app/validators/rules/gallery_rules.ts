import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { ACCESS_CODE_ALPHABET } from '#support/access_codes'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ACCESS_CODE_PATTERN = new RegExp(`^[${ACCESS_CODE_ALPHABET}]+$`)

/** Session statuses a gallery can be made for: the family has been photographed (or is being). */
export const GALLERY_SESSION_STATUSES = ['checked_in', 'in_progress', 'completed'] as const

export const slugFormat = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !SLUG_PATTERN.test(value)) {
    field.report('Use lowercase letters, digits and single hyphens', 'slugFormat', field)
  }
})

export const accessCodeFormat = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !ACCESS_CODE_PATTERN.test(value)) {
    field.report('Use letters and digits except 0, 1, I, L and O', 'accessCodeFormat', field)
  }
})

/**
 * Unique among all galleries, deleted ones included (they keep their slug and code).
 * The gallery being edited is passed as `meta.galleryId`.
 */
export const uniqueGallery = vine.createRule<{ column: 'slug' | 'access_code'; message: string }>(
  async (value, { column, message }, field) => {
    if (typeof value !== 'string' || !field.isValid) return
    const query = db.from('galleries').where(column, value)
    if (field.meta.galleryId) query.whereNot('id', field.meta.galleryId)
    if (await query.first()) field.report(message, 'uniqueGallery', field)
  },
  { isAsync: true }
)

export const gallerySession = vine.createRule(
  async (value, _, field) => {
    if (typeof value !== 'string' || !field.isValid) return
    const session = await db.from('photo_sessions').where('id', value).whereIn('status', [...GALLERY_SESSION_STATUSES]).first()
    if (!session) field.report('Choose a checked-in or completed session', 'gallerySession', field)
  },
  { isAsync: true }
)
