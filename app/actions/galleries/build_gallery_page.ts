import type Gallery from '#models/gallery'
import ListGalleryPhotos, { type GalleryPhotoList } from '#actions/galleries/list_gallery_photos'
import { selectionLockedFor } from '#actions/galleries/add_photo_favorite'
import { familyIdOf, type GalleryViewer } from '#services/galleries/gallery_viewer'
import { selectionTermsOf, summarizeSelection, type SelectionSummary } from '#services/galleries/selection'
import { canDownload } from '#services/downloads/download_access'

/** What the selection bar shows and allows this viewer. */
export interface SelectionState {
  summary: SelectionSummary
  /** Studio previews are read-only: no hearts. */
  canFavorite: boolean
  /** This viewer's favourites were submitted as the selection: frozen. */
  locked: boolean
  /** Someone else (another visitor of the gallery) submitted it already. */
  submittedByOther: boolean
  /** The family picks for the package; a gallery without a family lets any visitor submit. */
  maySubmit: boolean
}

export interface GalleryPage {
  list: GalleryPhotoList
  selection: SelectionState
  downloads: boolean
  favoritesOnly: boolean
}

export async function selectionStateOf(gallery: Gallery, viewer: GalleryViewer, count: number): Promise<SelectionState> {
  const summary = summarizeSelection(count, selectionTermsOf(gallery))
  const visitor = viewer.visitor
  if (!visitor) return { summary, canFavorite: false, locked: false, submittedByOther: false, maySubmit: false }
  const locked = selectionLockedFor(gallery, visitor)
  const submittedByOther = !!gallery.selectionSubmittedAt && !locked
  const maySubmit = (await picksForPackage(gallery, viewer)) && !gallery.selectionSubmittedAt
  return { summary, canFavorite: true, locked, submittedByOther, maySubmit }
}

/**
 * Whether this viewer's favourites may become the gallery's selection: the family's (signed
 * in, or entered with the family's email), or anyone's in a gallery without a family.
 */
export async function picksForPackage(gallery: Gallery, viewer: GalleryViewer) {
  if (viewer.kind === 'family') return true
  if (viewer.kind === 'studio') return false
  return viewer.isFamily || (await familyIdOf(gallery)) === null
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
    options: { favoritesOnly?: boolean; page?: number } = {}
  ): Promise<GalleryPage> {
    const favoritesOnly = !!options.favoritesOnly && !!viewer.visitor
    const list = await ListGalleryPhotos.handle(gallery, viewer, { favoritesOnly, page: options.page })
    const selection = await selectionStateOf(gallery, viewer, list.favorites)
    return { list, selection, downloads: canDownload(gallery, viewer), favoritesOnly }
  }
}
