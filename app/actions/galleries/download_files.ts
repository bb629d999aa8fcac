import { pipeline, type Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import Photo from '#models/photo'
import type MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'
import type { Downloader } from '#actions/galleries/gallery_viewer'
import { metadataStripper } from '#services/images/metadata/strip_metadata'
import { ensureWebFile } from '#actions/galleries/ensure_web_file'

/**
 * What a family may download: the web-size JPEG (the preview as JPEG, ~2048 px) or
 * the original file. Watermarks are for viewing only: a watermarked gallery serves
 * watermarked previews on its pages, but when the studio turns downloads on it has
 * chosen to deliver the real files, so web and original downloads stay unmarked.
 */
export const DOWNLOADABLE_VARIANTS = ['web', 'original'] as const
export type DownloadableVariant = (typeof DOWNLOADABLE_VARIANTS)[number]

export interface DownloadFile {
  key: string
  extension: string
  contentType: string
  original: boolean
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/tiff': 'tif',
}

/**
 * The Drive key and type of one variant of a processed photo, or null while it is still
 * being processed (or failed). A ready photo always has both: a web-size file missing
 * from disk (a photo processed before it existed, a lost file) is made when it is opened
 * (see openDownload), so every count the page shows can be downloaded.
 */
export function downloadFileOf(asset: MediaAsset, variant: DownloadableVariant): DownloadFile | null {
  if (asset.status !== 'ready') return null
  if (variant === 'web') {
    const key = asset.variants?.web ?? `${asset.key.slice(0, asset.key.lastIndexOf('/'))}/web.jpg`
    return { key, extension: 'jpg', contentType: 'image/jpeg', original: false }
  }
  const extension = EXTENSIONS[asset.mimeType] ?? asset.key.split('.').pop() ?? 'bin'
  return { key: asset.key, extension, contentType: asset.mimeType, original: true }
}

/**
 * Originals reach the family and visitors without GPS and personal EXIF (stripped
 * losslessly, see metadataStripper) unless the studio chose to keep them; the studio's
 * own downloads are the files as uploaded.
 */
export async function stripsOriginalMetadata(downloader: Downloader) {
  return downloader.as !== 'studio' && !(await StudioSetting.current()).keepOriginalMetadata
}

/** The bytes of one file as delivered: an original through the metadata stripper when `strip`. */
export async function openDownload(asset: MediaAsset, file: DownloadFile, strip: boolean): Promise<Readable> {
  if (!file.original) await ensureWebFile(asset, file.key)
  const source = await drive.use(asset.disk as any).getStream(file.key)
  if (!strip || !file.original) return source
  return pipeline(source, metadataStripper(asset.mimeType), () => {})
}

/** "007-lindqvist-summer.jpg": numbered in gallery order, so a ZIP sorts like the grid. */
export function downloadFilename(position: number, total: number, gallerySlug: string, extension: string) {
  const width = Math.max(3, String(total).length)
  return `${String(position).padStart(width, '0')}-${gallerySlug}.${extension}`
}

/** The photos a family sees, in gallery order: hidden or unprocessed ones never download. */
function visiblePhotos(galleryId: string) {
  return Photo.query()
    .where('galleryId', galleryId)
    .where('isHidden', false)
    .whereHas('mediaAsset', (asset) => asset.where('status', 'ready'))
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .orderBy('id')
}

/** Every downloadable photo of a gallery with its media asset, in gallery order. */
export function downloadablePhotos(galleryId: string) {
  return visiblePhotos(galleryId).preload('mediaAsset')
}

/** Position (1-based) of a photo among the downloadable ones, and how many there are. */
export async function positionOf(photo: Photo) {
  const rows = await visiblePhotos(photo.galleryId).select('id')
  return { position: Math.max(1, rows.findIndex((row) => row.id === photo.id) + 1), total: rows.length }
}
