import type Gallery from '#models/gallery'
import ListGalleryPhotos, { type GalleryPhotoList } from '#actions/galleries/list_gallery_photos'
import { selectionLockedFor } from '#actions/galleries/add_photo_favorite'
import type { GalleryViewer } from '#actions/galleries/gallery_viewer'
import { summarizeSelection, type SelectionSummary } from '#actions/galleries/selection_summary'

/** What GalleryPolicy lets this viewer do on the page (decided by the controller). */
export interface ViewerRights {
  /** Download buttons (the studio sees what the family would). */
  downloads: boolean
  /** Submitting the selection: at once (the family), by a link emailed to the family, or not. */
  submit: 'now' | 'by_email' | null
}

/** What the selection bar shows and allows this viewer. */
export interface SelectionState {
  summary: SelectionSummary
  /** Studio previews are read-only: no hearts. */
  canFavorite: boolean
  /** This viewer's favourites were submitted as the selection: frozen. */
  locked: boolean
  /** Someone else (another visitor of the gallery) submitted it already. */
  submittedByOther: boolean
  maySubmit: boolean
  /** Submitting emails the family a link that confirms it (a visitor who gave the family's email). */
  submitsByEmail: boolean
  /** A visitor of a family's gallery: only the family sends the selection (no counter against its package). */
  familySends: boolean
  /** The family may reopen its sent selection (until the studio starts editing). */
  mayReopen: boolean
}

export interface GalleryPage {
  list: GalleryPhotoList
  selection: SelectionState
  downloads: boolean
  favoritesOnly: boolean
}

export function selectionStateOf(gallery: Gallery, viewer: GalleryViewer, count: number, rights: ViewerRights): SelectionState {
  const familySends = viewer.kind === 'visitor' && rights.submit === null && !!gallery.photoSessionId
  const terms = gallery.selectionTerms()
  // The family's package is the family's business: a visitor's favourites are just favourites.
  const summary = summarizeSelection(count, familySends ? { ...terms, limit: null } : terms)
  const visitor = viewer.visitor
  const closed = { summary, canFavorite: false, locked: false, submittedByOther: false, maySubmit: false, submitsByEmail: false, familySends, mayReopen: false }
  if (!visitor) return closed
  const locked = selectionLockedFor(gallery, visitor)
  const open = !gallery.selectionSubmittedAt && rights.submit !== null
  return {
    ...closed,
    canFavorite: true,
    locked,
    submittedByOther: !!gallery.selectionSubmittedAt && !locked,
    maySubmit: open,
    submitsByEmail: open && rights.submit === 'by_email',
    mayReopen: locked && rights.submit === 'now' && !gallery.selectionEditingStartedAt,
  }
}

/**
 * Everything the gallery page renders, from the one grid query (ListGalleryPhotos): a page
 * of photos, the selection counter (all the favourites, not the page's) and what the viewer
 * may do. No query per photo.
 */
export default class BuildGalleryPage {
  static async handle(
    gallery: Gallery,
    viewer: GalleryViewer,
    rights: ViewerRights,
    options: { favoritesOnly?: boolean; page?: number } = {}
  ): Promise<GalleryPage> {
    const favoritesOnly = !!options.favoritesOnly && !!viewer.visitor
    const list = await ListGalleryPhotos.handle(gallery, viewer, { favoritesOnly, page: options.page })
    const selection = selectionStateOf(gallery, viewer, list.favorites, rights)
    return { list, selection, downloads: rights.downloads, favoritesOnly }
  }
}
