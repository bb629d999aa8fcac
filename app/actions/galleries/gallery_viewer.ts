import type GalleryVisitor from '#models/gallery_visitor'
import type User from '#models/user'

/**
 * Who is looking at a gallery, once GalleryPolicy let them in:
 * - `studio`: admin, front-desk staff, or the photographer of its photo session (read-only preview);
 * - `family`: the signed-in customer whose photo session the gallery belongs to;
 * - `visitor`: anyone admitted with the code (or the share link), an email and the password
 *   if set: even with the family's email, a visitor is not the family.
 * The family also has a visitor row, so favourites always hang off one visitor.
 */
export type GalleryViewer =
  | { kind: 'studio'; user: User; visitor: null }
  | { kind: 'family'; user: User; visitor: GalleryVisitor }
  | { kind: 'visitor'; user: null; visitor: GalleryVisitor }

/** Who a download is recorded against. */
export interface Downloader {
  as: GalleryViewer['kind']
  userId: string | null
  galleryVisitorId: string | null
}

export function downloaderOf(viewer: GalleryViewer): Downloader {
  return { as: viewer.kind, userId: viewer.user?.id ?? null, galleryVisitorId: viewer.visitor?.id ?? null }
}
