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

/** The admin dashboard's "Needs attention" card, as the admin reads it: its HTML, and its text with the tags stripped. */
export async function attentionOf(client: any, admin: unknown) {
  const response = await client.get('/admin').loginAs(admin)
  response.assertStatus(200)
  const card: string = response.text().match(/Needs attention[\s\S]*?<\/section>/)?.[0] ?? ''
  return { html: card, text: card.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') }
}
