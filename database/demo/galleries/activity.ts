import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Download from '#models/download'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import type Photo from '#models/photo'
import PhotoFavorite from '#models/photo_favorite'
import type { GallerySpec } from '#database/demo/galleries/plan'
import { slugify } from '#database/demo/galleries/plan'

const GUESTS = ['grandma', 'grandpa', 'auntie', 'uncle', 'godmother']

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** A moment between publication and now (or expiry), so activity reads like a real timeline. */
function during(spec: GallerySpec, rng: GallerySpec['rng'], now: DateTime) {
  const from = spec.publishedAt!
  const until = spec.expiresAt && spec.expiresAt < now ? spec.expiresAt : now
  const span = Math.max(until.diff(from, 'minutes').minutes, 1)
  return from.plus({ minutes: rng.int(0, Math.floor(span)) })
}

/**
 * The family (signed in) and a few guests open a delivered gallery, pick favourites
 * within the selection limit and download some photos. Updates the gallery's counters.
 */
export async function seedActivity(client: QueryClientContract, gallery: Gallery, spec: GallerySpec, photos: Photo[]) {
  if (!spec.publishedAt || !photos.length) return
  const { rng } = spec
  const now = DateTime.now()
  const family = spec.session?.user ?? null
  const lastName = slugify(family?.lastName ?? gallery.slug.split('-')[0])
  const guests = GUESTS.filter(() => rng.chance(0.35)).slice(0, 2)
  const emails = [...(family?.email ? [family.email] : []), ...guests.map((g) => `${g}.${lastName}@loupe.test`)]

  const visitors: GalleryVisitor[] = []
  for (const email of emails) {
    const at = during(spec, rng, now)
    visitors.push(
      await GalleryVisitor.create(
        {
          galleryId: gallery.id,
          email,
          userId: email === family?.email ? family.id : null,
          lastSeenAt: at,
          createdAt: at,
          updatedAt: at,
        },
        { client }
      )
    )
  }

  const limit = Math.min(gallery.selectionLimit ?? 8, photos.length)
  const picks = (count: number) => {
    const pool = [...photos]
    for (let i = pool.length - 1; i > 0; i--) {
      const j = rng.int(0, i)
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
    }
    return pool.slice(0, count)
  }
  for (const visitor of visitors) {
    const byFamily = visitor.userId !== null
    for (const photo of picks(byFamily ? rng.int(Math.min(3, limit), limit) : rng.int(1, 4))) {
      const at = during(spec, rng, now)
      await PhotoFavorite.create(
        {
          photoId: photo.id,
          userId: byFamily ? visitor.userId : null,
          galleryVisitorId: byFamily ? null : visitor.id,
          createdAt: at,
          updatedAt: at,
        },
        { client }
      )
    }
  }

  let downloads = 0
  if (gallery.downloadEnabled) {
    for (const [n, visitor] of visitors.entries()) {
      const byFamily = visitor.userId !== null
      const approved = photos.filter((p) => p.editingStatus === 'approved')
      for (const photo of picks(byFamily ? rng.int(2, 8) : rng.int(0, 2)).filter((p) => approved.includes(p))) {
        const at = during(spec, rng, now)
        await Download.create(
          {
            photoId: photo.id,
            userId: visitor.userId,
            galleryVisitorId: visitor.id,
            variant: byFamily ? 'original' : 'web',
            ipHash: sha256(`203.0.113.${(n * 17 + downloads) % 254}`),
            createdAt: at,
            updatedAt: at,
          },
          { client }
        )
        downloads++
      }
    }
  }

  gallery.merge({ viewCount: visitors.length * rng.int(3, 15) + rng.int(0, 5), downloadCount: downloads })
  await gallery.save()
}
