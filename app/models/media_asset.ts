import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const MEDIA_ASSET_STATUSES = ['processing', 'ready', 'failed'] as const
export type MediaAssetStatus = (typeof MEDIA_ASSET_STATUSES)[number]

/** Drive keys of the derived files, next to the original (`media/<id>/...`). */
export type MediaVariants = { thumb?: string; preview?: string; web?: string; watermarked?: string; watermarkedThumb?: string }

type ReadyDetails = Partial<
  Pick<MediaAsset, 'width' | 'height' | 'byteSize' | 'variants' | 'dominantColor' | 'tags' | 'exif' | 'watermarkVersion'>
>

export const mediaAssetStates = defineStateMachine<MediaAssetStatus>('MediaAsset', {
  processing: ['ready', 'failed'],
  ready: ['processing'],
  failed: ['processing'],
})

/** One stored file (original plus derived variants) on a Drive disk. */
export default class MediaAsset extends AppModel {
  @column()
  declare disk: string

  @column()
  declare key: string

  @column()
  declare originalFilename: string | null

  @column()
  declare mimeType: string

  @column({ consume: (value) => (value === null || value === undefined ? value : Number(value)) })
  declare byteSize: number | null

  @column()
  declare width: number | null

  @column()
  declare height: number | null

  @jsonColumn()
  declare variants: MediaVariants | null

  @column()
  declare dominantColor: string | null

  @jsonColumn()
  declare tags: string[] | null

  /** Camera metadata with GPS already stripped. */
  @jsonColumn()
  declare exif: Record<string, unknown> | null

  @column()
  declare status: MediaAssetStatus

  @column()
  declare error: string | null

  /** The studio watermark version its watermarked files were made with (null: none made). */
  @column()
  declare watermarkVersion: number | null

  static ready = scope((query) => {
    query.where('status', 'ready')
  })

  get orientation(): 'landscape' | 'portrait' | 'square' | null {
    if (!this.width || !this.height) return null
    if (this.width === this.height) return 'square'
    return this.width > this.height ? 'landscape' : 'portrait'
  }

  variantKey(name: keyof MediaVariants) {
    return this.variants?.[name] ?? this.key
  }

  /** The pipeline's results (size, variants, colour, EXIF) are written with the status. */
  markReady(details: ReadyDetails = {}, options: ChangeOptions = {}) {
    return transition(this, mediaAssetStates, 'ready', { ...options, set: { ...details, error: null } })
  }

  markFailed(error: string, options: ChangeOptions = {}) {
    return transition(this, mediaAssetStates, 'failed', { ...options, set: { error } })
  }

  reprocess(options: ChangeOptions = {}) {
    return transition(this, mediaAssetStates, 'processing', { ...options, set: { error: null } })
  }
}
