import db from '@adonisjs/lucid/services/db'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import User from '#models/user'

export interface ExpiryRecipient {
  email: string
  firstName: string | null
  isFamily: boolean
}

/**
 * Who hears that a gallery is about to expire (or did): the family that owns it, and
 * the visitors who cared enough to favourite or download something. Someone who only
 * looked once is not emailed. One entry per address.
 */
export async function expiryRecipientsOf(gallery: Gallery): Promise<ExpiryRecipient[]> {
  const recipients = new Map<string, ExpiryRecipient>()
  const familyId = await gallery.familyId()
  const family = familyId ? await User.find(familyId) : null
  if (family?.email && family.isActive) {
    recipients.set(family.email.toLowerCase(), { email: family.email, firstName: family.firstName, isFamily: true })
  }

  const engaged = await GalleryVisitor.query()
    .where('galleryId', gallery.id)
    .where((query) => {
      query
        .whereHas('favorites', () => {})
        .orWhereExists(db.from('downloads').select(db.raw('1')).whereColumn('downloads.gallery_visitor_id', 'gallery_visitors.id'))
    })
    .orderBy('createdAt')
  for (const visitor of engaged) {
    // A share-link visitor who never gave an email has nobody to tell.
    if (!visitor.email) continue
    const key = visitor.email.toLowerCase()
    if (!recipients.has(key)) recipients.set(key, { email: visitor.email, firstName: null, isFamily: false })
  }
  return [...recipients.values()]
}
