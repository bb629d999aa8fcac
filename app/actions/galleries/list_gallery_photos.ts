import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import type Gallery from '#models/gallery'
import type GalleryVisitor from '#models/gallery_visitor'
import type { GalleryViewer } from '#actions/galleries/gallery_viewer'
import { visiblePhotosOf } from '#actions/galleries/visible_photos'
import { cachedMediaUrl, viewingVariants, URL_REUSE_MS } from '#services/galleries/photo_urls'
import type { MediaAudience } from '#services/media/media_urls'

export interface GalleryPhoto {
  id: string
  alt: string
  width: number
  height: number
  thumbUrl: string
  fullUrl: string
  /** CSS class painting the placeholder in the photo's dominant colour (see `styles`). */
  colourClass: string
  /** CSS class giving the tile its share of a justified row, from its stored aspect ratio (see `styles`). */
  ratioClass: string
  /** The first rows load at once; the rest as the visitor scrolls. */
  eager: boolean
  favorited: boolean
  /** Where its heart posts (and deletes). */
  favoriteUrl: string
  /** Lives as long as the cached list this photo came from: the owner of its tile's cached HTML. */
  tileOwner: object
}

export interface GalleryPhotoList {
  photos: GalleryPhoto[]
  /** Visible photos in the gallery, whatever the filter. */
  total: number
  /** The viewer's favourites among them. */
  favorites: number
  /** Photos the filter brings back in all pages (every photo, or the favourites): the lightbox's "of N". */
  shown: number
  page: number
  /** The page after this one, or null on the last. */
  nextPage: number | null
  /** One rule per dominant colour and per aspect ratio on this page, for the layout's nonce'd <style> (no inline styles under the CSP). */
  styles: string
  /** The hero: the cover the studio chose, or the first photo while it chose none (or hid it). */
  cover: GalleryCover | null
  /** The day of the photo session, when the gallery has one (read with the gallery's access facts). */
  takenOn: DateTime | null
}

export interface GalleryCover {
  url: string
  alt: string
  width: number
  height: number
  colourClass: string
}

/** Tiles that load at once (about the first two rows on a desktop): the rest are lazy. */
export const EAGER_TILES = 8

/** A photo's width over its height in hundredths, kept to a sane range: its tile's class is `ar-<n>`. */
export function ratioOf(width: number, height: number) {
  return Math.min(400, Math.max(25, Math.round((width / height) * 100)))
}

/** One justified row's share per ratio: heights stay equal within a row, nothing is cropped. */
export function ratioRule(ratio: number) {
  const share = ratio / 100
  // A photo alone on its row (the next would not fit) grows at most to 1.6 times the row height.
  return `.ar-${ratio}{flex-grow:${share};flex-basis:calc(var(--row-height) * ${share});max-width:calc(var(--row-height) * ${share * 1.6})}`
}

/** Tiles per page: the rest comes as the visitor scrolls (or taps "Show more photos"). */
export const PHOTOS_PER_PAGE = 60

const HEX = /^#[0-9a-f]{6}$/i

/** A visible photo as every viewer of the gallery sees it (the viewer's favourite aside). */
interface ListedPhoto {
  id: string
  altText: string | null
  position: number
  width: number
  height: number
  colour: string
  ratio: number
  thumbUrl: string
  fullUrl: string
  favoriteUrl: string
}

interface CachedList {
  version: number
  watermarked: boolean
  slug: string
  /** The default alt text names the gallery. */
  name: string
  madeAt: number
  photos: Promise<PhotoIndex>
}

/** A cached list, with what every view asks of it worked out once. */
interface PhotoIndex {
  photos: ListedPhoto[]
  byId: Map<string, ListedPhoto>
  /** The nonce'd <style> rules of an unfiltered page, by its first photo and the cover. */
  styles: Map<string, string>
}

/*
| Every viewer of a gallery sees the same ordered list of visible photos and the same
| signed URLs (one audience per gallery): it is read and signed once per process and
| reused while the gallery's photos_version (read with the gallery on every request, so
| never stale, whatever process made the change) and its watermark setting stay the same,
| for at most an hour (the URLs' reuse window). Only the viewer's favourites are read per
| view. See docs/decisions/0008-gallery-page-caches.md.
*/
const MAX_GALLERIES = 200
const lists = new Map<string, CachedList>()

function listOf(gallery: Gallery, audience: MediaAudience, now = Date.now()) {
  const key = `${gallery.id}:${audience === 'studio' ? 'studio' : 'viewers'}`
  const version = Number(gallery.photosVersion ?? 0)
  const watermarked = !!gallery.watermarkEnabled
  const cached = lists.get(key)
  const fresh =
    cached && cached.version === version && cached.watermarked === watermarked && cached.slug === gallery.slug && cached.name === gallery.name && now - cached.madeAt < URL_REUSE_MS
  if (fresh) return cached

  // The read in flight is shared by concurrent views; a failed one is not kept.
  const entry: CachedList = {
    version,
    watermarked,
    slug: gallery.slug,
    name: gallery.name,
    madeAt: now,
    photos: readList(gallery, watermarked, audience, now),
  }
  lists.delete(key)
  lists.set(key, entry)
  if (lists.size > MAX_GALLERIES) lists.delete(lists.keys().next().value!)
  entry.photos.catch(() => lists.get(key) === entry && lists.delete(key))
  return entry
}



async function readList(gallery: Gallery, watermarked: boolean, audience: MediaAudience, now: number): Promise<PhotoIndex> {
  const rows: any[] = await visiblePhotosOf(gallery.id)
    .select('photos.id', 'photos.media_asset_id', 'photos.alt_text')
    .select('media_assets.width', 'media_assets.height', 'media_assets.dominant_color', 'media_assets.variants')
    .orderBy('photos.sort_order')
    .orderBy('photos.created_at')
    .orderBy('photos.id')
  const photos = rows.map((row, index): ListedPhoto => {
    const stored = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants
    const variants = viewingVariants(watermarked, stored)
    const width = Number(row.width) || 480
    const height = Number(row.height) || 480
    return {
      id: row.id,
      altText: row.alt_text || null,
      position: index + 1,
      width,
      height,
      ratio: ratioOf(width, height),
      colour: HEX.test(row.dominant_color ?? '') ? row.dominant_color.toLowerCase().slice(1) : 'e3e0ea',
      thumbUrl: cachedMediaUrl(row.media_asset_id, variants.thumb, audience, now, stored?.[variants.thumb] ?? null),
      fullUrl: cachedMediaUrl(row.media_asset_id, variants.full, audience, now, stored?.[variants.full] ?? null),
      favoriteUrl: router.makeUrl('photo_favorites.store', { slug: gallery.slug, photo_id: row.id }),
    }
  })
  return { photos, byId: new Map(photos.map((photo) => [photo.id, photo])), styles: new Map() }
}

/*
| A visitor's favourites, kept per process for each favourites_version (read with the
| visitor's pass on every view, bumped by each heart: never stale), so a repeat view reads
| none. The read in flight is shared; a failed one is not kept.
*/
const MAX_VISITORS = 5_000
const favoriteSets = new Map<string, { version: number; ids: Promise<Set<string>> }>()

function favoritesOf(visitor: GalleryVisitor) {
  const version = Number(visitor.favoritesVersion ?? 0)
  const cached = favoriteSets.get(visitor.id)
  if (cached && cached.version === version) return cached.ids

  const entry = { version, ids: readFavorites(visitor.id) }
  favoriteSets.delete(visitor.id)
  favoriteSets.set(visitor.id, entry)
  if (favoriteSets.size > MAX_VISITORS) favoriteSets.delete(favoriteSets.keys().next().value!)
  entry.ids.catch(() => favoriteSets.get(visitor.id) === entry && favoriteSets.delete(visitor.id))
  return entry.ids
}

async function readFavorites(visitorId: string) {
  const rows = await db.from('photo_favorites').where('gallery_visitor_id', visitorId).select('photo_id')
  return new Set<string>(rows.map((row) => row.photo_id))
}

/**
 * One page of a gallery's grid: the gallery's cached ordered list of visible photos (see
 * above) with the viewer's favourites, the gallery's total and the viewer's count among
 * them. On a warm list and warm favourites a view reads no photo or favourite at all; never a query per photo.
 */
export default class ListGalleryPhotos {
  static async handle(
    gallery: Gallery,
    viewer: GalleryViewer,
    options: { favoritesOnly?: boolean; page?: number; perPage?: number } = {}
  ): Promise<GalleryPhotoList> {
    const visitorId = viewer.visitor?.id ?? null
    const page = Math.max(1, options.page ?? 1)
    const perPage = options.perPage ?? PHOTOS_PER_PAGE
    const favoritesOnly = !!options.favoritesOnly && !!visitorId

    // The studio's preview (drafts too) signs for the studio; everyone else's URLs die with the gallery.
    const audience: MediaAudience = viewer.kind === 'studio' ? 'studio' : { galleryId: gallery.id }
    const cachedList = listOf(gallery, audience)
    const [list, favorites] = await Promise.all([cachedList.photos, viewer.visitor ? favoritesOf(viewer.visitor) : new Set<string>()])
    const all = list.photos
    // Favourites of photos since hidden or deleted don't count.
    let favoriteCount = 0
    for (const id of favorites) if (list.byId.has(id)) favoriteCount++
    const listed = favoritesOnly ? all.filter((photo) => favorites.has(photo.id)) : all
    const start = (page - 1) * perPage
    const onPage = listed.slice(start, start + perPage)
    const photos = onPage.map((photo, index) => ({
      id: photo.id,
      alt: photo.altText ?? `Photo ${photo.position} of ${gallery.name}`,
      width: photo.width,
      height: photo.height,
      thumbUrl: photo.thumbUrl,
      fullUrl: photo.fullUrl,
      colourClass: `ph-${photo.colour}`,
      ratioClass: `ar-${photo.ratio}`,
      eager: start + index < EAGER_TILES,
      favorited: favorites.has(photo.id),
      favoriteUrl: photo.favoriteUrl,
      tileOwner: photo,
    }))

    const coverPhoto = (gallery.coverPhotoId ? list.byId.get(gallery.coverPhotoId) : undefined) ?? all[0]
    const cover = coverPhoto
      ? { url: coverPhoto.fullUrl, alt: coverPhoto.altText ?? `Cover of ${gallery.name}`, width: coverPhoto.width, height: coverPhoto.height, colourClass: `ph-${coverPhoto.colour}` }
      : null

    return {
      photos,
      cover,
      takenOn: gallery.sessionStartsAt(),
      total: all.length,
      favorites: favoriteCount,
      shown: listed.length,
      page,
      nextPage: listed.length > start + perPage ? page + 1 : null,
      styles: favoritesOnly ? stylesOf(onPage, coverPhoto) : pageStyles(list, start, onPage, coverPhoto),
    }
  }
}

/** One rule per dominant colour (the page's and the cover's) and per aspect ratio on the page. */
function stylesOf(photos: ListedPhoto[], cover: ListedPhoto | undefined) {
  const colours = new Set(photos.map((photo) => photo.colour))
  if (cover) colours.add(cover.colour)
  const ratios = new Set(photos.map((photo) => photo.ratio))
  return [...colours].map((hex) => `.ph-${hex}{background-color:#${hex}}`).join('') + [...ratios].map(ratioRule).join('')
}

/** An unfiltered page's rules, worked out once per cached list (the cover is not part of its key). */
function pageStyles(list: PhotoIndex, start: number, photos: ListedPhoto[], cover: ListedPhoto | undefined) {
  const key = `${start}:${cover?.id ?? ''}`
  let styles = list.styles.get(key)
  if (styles === undefined) {
    if (list.styles.size >= 100) list.styles.clear()
    styles = stylesOf(photos, cover)
    list.styles.set(key, styles)
  }
  return styles
}
