import Gallery from '#models/gallery'

/**
 * A gallery by its slug, with what every gallery page needs from its photo session and
 * package read in the same query (`$extras`): the family's user id (so the gallery viewer
 * needs no query of its own, see familyIdOf), the currency, the included photos and the
 * price of an extra. Soft-deleted galleries are not found.
 */
export function galleryBySlug(slug: string) {
  return Gallery.query()
    .where('galleries.slug', String(slug).toLowerCase())
    .leftJoin('photo_sessions', 'photo_sessions.id', 'galleries.photo_session_id')
    .leftJoin('packages', 'packages.id', 'photo_sessions.package_id')
    .select(
      'galleries.*',
      'photo_sessions.user_id as family_user_id',
      'photo_sessions.currency as session_currency',
      'packages.included_photos as package_included_photos',
      'packages.extra_photo_price as package_extra_photo_price'
    )
    .first()
}
