import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import { viewerOf, type GalleryViewer } from '#services/galleries/gallery_viewer'

/** Who a download is recorded against. */
export interface Downloader {
  as: GalleryViewer['kind']
  userId: string | null
  galleryVisitorId: string | null
}

export type DownloadAccess =
  | { ok: true; viewer: GalleryViewer; downloader: Downloader }
  | { ok: false; reason: 'not_found' | 'unavailable' | 'downloads_disabled' }

/**
 * May this request download from the gallery? Only someone who may see it (the viewer
 * rules: studio, its family, a visitor who unlocked it); customers only while it is
 * live (not expired, draft or archived) and downloads are on. The studio always may:
 * the files are its own, and it checks what families get.
 */
export async function downloadAccessOf(ctx: HttpContext, gallery: Gallery): Promise<DownloadAccess> {
  const viewer = await viewerOf(ctx, gallery)
  if (!viewer) return { ok: false, reason: 'not_found' }
  const refused = viewer.kind === 'studio' ? null : customerRefusal(gallery)
  if (refused) return { ok: false, reason: refused }
  return { ok: true, viewer, downloader: downloaderOf(viewer) }
}

/** Why a family or visitor can't download right now, or null when they can. */
export function customerRefusal(gallery: Gallery) {
  if (!gallery.isViewable()) return 'unavailable' as const
  if (!gallery.downloadEnabled) return 'downloads_disabled' as const
  return null
}

/** For views: whether to show download buttons (the studio sees what the family would). */
export function canDownload(gallery: Gallery, viewer: GalleryViewer | null | undefined) {
  if (!viewer) return false
  return viewer.kind === 'studio' ? gallery.downloadEnabled : customerRefusal(gallery) === null
}

export function downloaderOf(viewer: GalleryViewer): Downloader {
  return { as: viewer.kind, userId: viewer.user?.id ?? null, galleryVisitorId: viewer.visitor?.id ?? null }
}

const KINDS: readonly string[] = ['studio', 'family', 'visitor']

/** The downloader a signed link was issued to (its query string is covered by the signature). */
export function downloaderFromSignedQuery(qs: Record<string, unknown>): Downloader {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null)
  const as = KINDS.includes(String(qs.as)) ? (qs.as as Downloader['as']) : 'visitor'
  return { as, userId: text(qs.user), galleryVisitorId: text(qs.visitor) }
}
