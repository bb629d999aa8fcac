import { compose } from '@adonisjs/core/helpers'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Download from '#models/download'
import Gallery from '#models/gallery'
import MediaAsset from '#models/media_asset'
import PhotoFavorite from '#models/photo_favorite'
import { SoftDeletes } from '#models/concerns/soft_deletes'
import { booleanColumn } from '#models/concerns/boolean_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const EDITING_STATUSES = ['raw', 'editing', 'edited', 'approved'] as const
export type EditingStatus = (typeof EDITING_STATUSES)[number]

/** Retouching, kept in `editing_status` (a photo has no other status). */
export const photoEditingStates = defineStateMachine<EditingStatus, 'editingStatus'>(
  'Photo',
  {
    raw: ['editing'],
    editing: ['edited'],
    edited: ['approved', 'editing'],
    approved: ['editing'],
  },
  { attribute: 'editingStatus' }
)

/** One image in a gallery, moving through retouching until approved. */
export default class Photo extends compose(AppModel, SoftDeletes) {
  @column()
  declare galleryId: string

  @column()
  declare mediaAssetId: string

  @column()
  declare altText: string | null

  @column()
  declare editingStatus: EditingStatus

  @booleanColumn()
  declare isComplimentary: boolean

  @booleanColumn()
  declare isFeatured: boolean

  @booleanColumn()
  declare isHidden: boolean

  @column()
  declare sortOrder: number

  /** The upload batch this photo came in and its place there (see UploadPhoto). */
  @column({ serializeAs: null })
  declare uploadBatch: string | null

  @column({ serializeAs: null })
  declare uploadPosition: number | null

  @column()
  declare photographerNotes: string | null

  @column()
  declare editingNotes: string | null

  @belongsTo(() => Gallery)
  declare gallery: BelongsTo<typeof Gallery>

  @belongsTo(() => MediaAsset)
  declare mediaAsset: BelongsTo<typeof MediaAsset>

  @hasMany(() => PhotoFavorite)
  declare favorites: HasMany<typeof PhotoFavorite>

  @hasMany(() => Download)
  declare downloads: HasMany<typeof Download>

  static ordered = scope((query) => {
    query.orderBy('sort_order').orderBy('created_at')
  })

  static approved = scope((query) => {
    query.where('editing_status', 'approved')
  })

  startEditing(options: ChangeOptions = {}) {
    return transition(this, photoEditingStates, 'editing', options)
  }

  finishEditing(notes?: string, options: ChangeOptions = {}) {
    const set = notes === undefined ? {} : { editingNotes: notes }
    return transition(this, photoEditingStates, 'edited', { ...options, set })
  }

  approve(options: ChangeOptions = {}) {
    return transition(this, photoEditingStates, 'approved', options)
  }

  /** Back to the retoucher, with what to change. */
  sendBack(notes: string, options: ChangeOptions = {}) {
    return transition(this, photoEditingStates, 'editing', {
      ...options,
      set: { editingNotes: notes },
      note: options.note ?? notes,
    })
  }
}
