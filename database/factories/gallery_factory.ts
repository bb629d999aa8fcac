import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import { generateAccessCode } from '#support/access_codes'
import { GalleryVisitorFactory } from '#database/factories/gallery_visitor_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { plainLastName } from '#database/factories/support/plain_names'

export const GalleryFactory = factory
  .define(Gallery, ({ faker }) => {
    // No apostrophes (D'Amore): tests look for the name in HTML, where it is escaped.
    const name = `${plainLastName(faker)} family session`
    return {
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      description: null,
      accessCode: generateAccessCode(),
      passwordHash: null,
      status: 'draft' as const,
      publicShareEnabled: false,
      downloadEnabled: true,
      socialShareEnabled: true,
      watermarkEnabled: true,
      selectionLimit: null,
      viewCount: 0,
      downloadCount: 0,
    }
  })
  .state('published', (gallery) => {
    gallery.status = 'published'
    gallery.publishedAt = DateTime.now().minus({ days: 2 })
    gallery.expiresAt = DateTime.now().plus({ days: 30 })
  })
  .state('expiringSoon', (gallery) => {
    gallery.status = 'published'
    gallery.publishedAt = DateTime.now().minus({ days: 27 })
    gallery.expiresAt = DateTime.now().plus({ days: 3 })
  })
  .state('expired', (gallery) => {
    gallery.status = 'expired'
    gallery.publishedAt = DateTime.now().minus({ days: 60 })
    gallery.expiresAt = DateTime.now().minus({ days: 1 })
  })
  .state('archived', (gallery) => {
    gallery.status = 'archived'
    gallery.publishedAt = DateTime.now().minus({ days: 200 })
    gallery.expiresAt = DateTime.now().minus({ days: 140 })
  })
  .state('trashed', (gallery) => (gallery.deletedAt = DateTime.now()))
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('photos', () => PhotoFactory)
  .relation('visitors', () => GalleryVisitorFactory)
  .build()
