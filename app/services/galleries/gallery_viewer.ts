import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import PhotoSession from '#models/photo_session'
import User from '#models/user'

/**
 * Who is looking at a gallery:
 * - `studio`: admin, photographer or staff (read-only preview, no favourites);
 * - `family`: the signed-in customer whose photo session the gallery belongs to;
 * - `visitor`: anyone who entered the access code and an email (a cookie keeps them in).
 * Family members also get a visitor row, so favourites always hang off one visitor.
 */
export type GalleryViewer =
  | { kind: 'studio'; user: User; visitor: null }
  | { kind: 'family'; user: User; visitor: GalleryVisitor }
  | { kind: 'visitor'; user: null; visitor: GalleryVisitor; isFamily: boolean }

const STUDIO_ROLES = ['admin', 'photographer', 'staff'] as const

export const visitorCookieName = (gallery: Gallery) => `gv_${gallery.id.replace(/-/g, '').slice(0, 16)}`

/** The family account that owns the gallery (through its photo session), if any. */
export async function familyIdOf(gallery: Gallery): Promise<string | null> {
  if (!gallery.photoSessionId) return null
  // Loaded with its photo session's owner already (galleryBySlug): no query needed.
  if ('family_user_id' in gallery.$extras) return gallery.$extras.family_user_id ?? null
  const session = await PhotoSession.find(gallery.photoSessionId)
  return session?.userId ?? null
}

export async function viewerOf(ctx: HttpContext, gallery: Gallery): Promise<GalleryViewer | null> {
  const user = ctx.auth.user
  if (user && user.hasRole(...STUDIO_ROLES)) return { kind: 'studio', user, visitor: null }
  if (user && (await familyIdOf(gallery)) === user.id) {
    return { kind: 'family', user, visitor: await visitorFor(gallery, user.email!, user.id) }
  }

  const token = ctx.request.encryptedCookie(visitorCookieName(gallery))
  if (typeof token !== 'string') return null
  const visitor = await GalleryVisitor.query()
    .where('galleryId', gallery.id)
    .where('tokenHash', GalleryVisitor.hashToken(token))
    .first()
  if (!visitor) return null
  return { kind: 'visitor', user: null, visitor, isFamily: visitor.userId !== null && visitor.userId === (await familyIdOf(gallery)) }
}

/**
 * After a correct code (and password): finds or creates the visitor for this email,
 * gives them a fresh token and sets the cookie that keeps them in for 90 days.
 */
export async function admitVisitor(ctx: HttpContext, gallery: Gallery, email: string) {
  const familyId = await familyIdOf(gallery)
  const family = familyId ? await User.find(familyId) : null
  const visitor = await visitorFor(gallery, email, family?.email === email.toLowerCase() ? family.id : null)
  const token = randomBytes(24).toString('base64url')
  visitor.tokenHash = GalleryVisitor.hashToken(token)
  visitor.lastSeenAt = DateTime.now()
  await visitor.save()
  ctx.response.encryptedCookie(visitorCookieName(gallery), token, {
    maxAge: '90d',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
  })
  return visitor
}

async function visitorFor(gallery: Gallery, email: string, userId: string | null) {
  const normalized = email.trim().toLowerCase()
  const visitor = await GalleryVisitor.firstOrCreate(
    { galleryId: gallery.id, email: normalized },
    { galleryId: gallery.id, email: normalized, userId, lastSeenAt: DateTime.now() }
  )
  if (userId && !visitor.userId) {
    visitor.userId = userId
    await visitor.save()
  }
  return visitor
}
