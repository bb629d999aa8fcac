import vine from '@vinejs/vine'
import { DOWNLOADABLE_VARIANTS } from '#actions/galleries/download_files'
import { ARCHIVE_SETS } from '#actions/galleries/stream_gallery_archive'

/** "Download this photo": web size unless the original is asked for. */
export const downloadLinkValidator = vine.compile(
  vine.object({
    variant: vine.enum(DOWNLOADABLE_VARIANTS).optional(),
  })
)

/** `?set=all|favorites&variant=web|original` for the gallery ZIP. */
export const archiveQueryValidator = vine.compile(
  vine.object({
    set: vine.enum(ARCHIVE_SETS),
    variant: vine.enum(DOWNLOADABLE_VARIANTS).optional(),
  })
)

/** `/downloads/photos/:photo_id/:variant` route parameter. */
export const downloadVariantValidator = vine.compile(
  vine.object({
    variant: vine.enum(DOWNLOADABLE_VARIANTS),
  })
)
