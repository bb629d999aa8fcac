import type Gallery from '#models/gallery'
import PhotoSession from '#models/photo_session'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'

/**
 * A photographer who shot the gallery's photo session, so GalleryPolicy lets them manage
 * it (a standalone gallery gets a photo session of theirs).
 */
export async function photographerOf(gallery: Gallery) {
  const photographer = await UserFactory.apply('photographer').create()
  if (gallery.photoSessionId) {
    await PhotoSession.query().where('id', gallery.photoSessionId).update({ photographerId: photographer.id })
  } else {
    const session = await PhotoSessionFactory.merge({ photographerId: photographer.id }).create()
    gallery.photoSessionId = session.id
    await gallery.save()
  }
  return photographer
}
