import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import type Gallery from '#models/gallery'
import { viewerOf, type GalleryViewer } from '#services/galleries/gallery_viewer'
import { galleryBySlug } from '#services/galleries/gallery_lookup'

/**
 * What a request may do with a gallery:
 * - `open`: the viewer sees it (the studio always, even drafts and expired ones);
 * - `locked`: published and live, but the code (and email, password) must be given first;
 * - `unavailable`: a draft or an archived gallery, for anyone but the studio;
 * - `expired`: past its date; customers are sent to the studio, nothing is deleted.
 */
export type GalleryAccess =
  | { kind: 'open'; viewer: GalleryViewer }
  | { kind: 'locked' }
  | { kind: 'unavailable' }
  | { kind: 'expired' }

export async function accessTo(ctx: HttpContext, gallery: Gallery): Promise<GalleryAccess> {
  const viewer = await viewerOf(ctx, gallery)
  if (viewer?.kind === 'studio') return { kind: 'open', viewer }
  if (gallery.status !== 'published' && gallery.status !== 'expired') return { kind: 'unavailable' }
  if (gallery.isExpired()) return { kind: 'expired' }
  return viewer ? { kind: 'open', viewer } : { kind: 'locked' }
}

export function notFound(ctx: HttpContext): never {
  throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
}

/** The gallery of `/g/:slug…`, or 404 (unknown or soft-deleted). */
export async function galleryOf(ctx: HttpContext) {
  return (await galleryBySlug(ctx.params.slug)) ?? notFound(ctx)
}

/** For writes by someone inside the gallery: 404 unless it is open to them. */
export async function openGalleryOf(ctx: HttpContext) {
  const gallery = await galleryOf(ctx)
  const access = await accessTo(ctx, gallery)
  if (access.kind !== 'open') notFound(ctx)
  return { gallery, viewer: access.viewer }
}

/** The code was right (at /g or on the gallery's form): the email step no longer asks for it. */
const CODES_KEY = 'gallery_codes'

export function rememberCode(ctx: HttpContext, gallery: Gallery) {
  const known: string[] = ctx.session.get(CODES_KEY, [])
  ctx.session.put(CODES_KEY, [gallery.id, ...known.filter((id) => id !== gallery.id)].slice(0, 20))
}

export function hasEnteredCode(ctx: HttpContext, gallery: Gallery) {
  const known: unknown = ctx.session.get(CODES_KEY, [])
  return Array.isArray(known) && known.includes(gallery.id)
}

/**
 * Whether the entry form asks for the access code. A gallery with its public share link
 * on opens from its address alone (an email, and the password if set, still come first).
 */
export function codeRequired(ctx: HttpContext, gallery: Gallery) {
  return !gallery.publicShareEnabled && !hasEnteredCode(ctx, gallery)
}
