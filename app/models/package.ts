import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import PhotoSession from '#models/photo_session'
import { booleanColumn } from '#models/concerns/boolean_column'
import { jsonColumn } from '#models/concerns/json_column'

export const PHOTO_EDITING_LEVELS = ['basic', 'standard', 'premium'] as const
export type PhotoEditingLevel = (typeof PHOTO_EDITING_LEVELS)[number]

/** A bookable session package (prices in cents of the studio currency). */
export default class Package extends AppModel {
  @column()
  declare name: string

  @column()
  declare slug: string

  @column()
  declare description: string | null

  @column()
  declare shortDescription: string | null

  @column()
  declare basePrice: number

  @column()
  declare durationMinutes: number

  @column()
  declare maxChildren: number

  @booleanColumn()
  declare includesStyling: boolean

  @column()
  declare maxOutfitChanges: number

  @column()
  declare includedPhotos: number

  /** Cents per selected photo beyond the included ones. */
  @column()
  declare extraPhotoPrice: number

  @column()
  declare photoEditingLevel: PhotoEditingLevel

  @booleanColumn()
  declare includesPrint: boolean

  @column()
  declare printSize: string | null

  @booleanColumn()
  declare active: boolean

  @column()
  declare sortOrder: number

  /** What the family should bring or prepare, one item a line (sent with the reminder). */
  @column()
  declare preparationChecklist: string | null

  @jsonColumn()
  declare metadata: Record<string, unknown> | null

  @hasMany(() => PhotoSession)
  declare photoSessions: HasMany<typeof PhotoSession>

  get checklistItems() {
    return (this.preparationChecklist ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
  }

  static active = scope((query) => {
    query.where('active', true).orderBy('sort_order').orderBy('name')
  })
}
