import { BaseSeeder } from '@adonisjs/lucid/seeders'
import Gallery from '#models/gallery'
import PhotoSession from '#models/photo_session'
import { withTrashed } from '#models/concerns/soft_deletes'
import { generateAccessCode } from '#support/access_codes'
import { DemoImagePool } from '#database/demo/demo_images'
import { seedActivity } from '#database/demo/galleries/activity'
import { seedPhotos } from '#database/demo/galleries/photos'
import { planGalleries } from '#database/demo/galleries/plan'
import { seedReviews, seedWishlists } from '#database/demo/galleries/reviews'
import { demoHash } from '#database/demo/password_hashes'
import StudioSetting from '#models/studio_setting'
import { studioWatermark } from '#services/images/studio_watermark'

/** `count` items evenly spaced through the list, so galleries span the whole booking history. */
function spread<T>(items: T[], count: number) {
  if (items.length <= count) return items
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)])
}

/**
 * ~30 galleries (× scale): most deliver a completed session, the rest are event and
 * portfolio galleries, in every status, each with 8–20 generated photos, visitors,
 * favourites and downloads. Then the families' reviews and wishlists. Runs after bookings.
 */
export default class GalleriesSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const scale = (this.constructor as typeof GalleriesSeeder).scale
    // Gallery photos get every derivative an upload gets, the studio's watermark included.
    // Read before the transaction: the pool asks for it from inside, where SQLite's single
    // connection is already taken by the transaction.
    const settings = await StudioSetting.current({ client: this.client })
    const watermark = { spec: await studioWatermark(settings), version: settings.watermarkVersion }
    const images = new DemoImagePool(36, 'galleries', async () => watermark)
    await this.client.transaction(async (trx) => {
      const completed = await PhotoSession.query({ client: trx })
        .where('status', 'completed')
        .orderBy('starts_at', 'desc')
        .orderBy('session_number')
      const sessions = spread(completed, 24 * scale)
      // one relation at a time: parallel preloads share the transaction's connection
      for (const session of sessions) {
        await session.load('user')
        await session.load('package')
        await session.load('children')
      }
      const specs = planGalleries(sessions, 6 * scale)
      const existing = await withTrashed(Gallery.query({ client: trx })).whereIn('slug', specs.map((s) => s.slug))
      const linked = await withTrashed(Gallery.query({ client: trx })).whereIn('photo_session_id', sessions.map((s) => s.id))
      const taken = new Set([...existing.map((g) => g.slug), ...linked.map((g) => g.photoSessionId)])

      let photoOffset = 0
      for (const spec of specs) {
        const offset = photoOffset
        photoOffset += spec.photoCount
        if (taken.has(spec.slug) || (spec.session && taken.has(spec.session.id))) continue
        const gallery = await Gallery.create(
          {
            photoSessionId: spec.session?.id ?? null,
            name: spec.name,
            slug: spec.slug,
            description: spec.description,
            accessCode: generateAccessCode(10, (n) => spec.rng.int(0, n - 1)),
            passwordHash: spec.password ? await demoHash(spec.password) : null,
            status: spec.status,
            publicShareEnabled: spec.publicShareEnabled,
            downloadEnabled: spec.downloadEnabled,
            socialShareEnabled: true,
            // proof-only, draft and public galleries show watermarked previews
            watermarkEnabled: !spec.downloadEnabled || spec.status === 'draft' || !spec.session,
            selectionLimit: spec.selectionLimit,
            publishedAt: spec.publishedAt,
            expiresAt: spec.expiresAt,
            expiryRemindedAt: spec.expiryRemindedAt,
          },
          { client: trx }
        )
        const photos = await seedPhotos(trx, gallery, spec, images, offset)
        gallery.coverPhotoId = (photos.find((p) => p.isFeatured) ?? photos[0])?.id ?? null
        await gallery.save()
        await seedActivity(trx, gallery, spec, photos)
      }

      await seedReviews(trx, sessions, scale)
      await seedWishlists(trx, scale)
    })
  }
}
