import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { belongsTo, column, computed, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import SessionChild from '#models/session_child'
import { SoftDeletes } from '#models/concerns/soft_deletes'

export const PREFERRED_STYLES = ['rock', 'punk', 'metal', 'alternative'] as const
export type PreferredStyle = (typeof PREFERRED_STYLES)[number]

/** A child in a family's profile, styled and photographed at sessions. */
export default class Child extends compose(AppModel, SoftDeletes) {
  static table = 'children'

  @column()
  declare parentId: string

  @column()
  declare firstName: string

  @column()
  declare lastName: string

  @column.date()
  declare birthDate: DateTime | null

  @column()
  declare preferredStyle: PreferredStyle | null

  @column()
  declare musicPreferences: string | null

  @column()
  declare styleNotes: string | null

  @column()
  declare specialRequirements: string | null

  @belongsTo(() => User, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof User>

  @hasMany(() => SessionChild)
  declare sessionChildren: HasMany<typeof SessionChild>

  /** Reads only: pivot rows need a UUID, so link through `SessionChild`. */
  @manyToMany(() => PhotoSession, {
    pivotTable: 'session_children',
    pivotForeignKey: 'child_id',
    pivotRelatedForeignKey: 'photo_session_id',
    pivotColumns: ['primary_child', 'styling_requests', 'completed_styling'],
    pivotTimestamps: true,
  })
  declare photoSessions: ManyToMany<typeof PhotoSession>

  @computed()
  get fullName() {
    return `${this.firstName} ${this.lastName}`
  }

  /** Whole years on the given day (default today); null when the birth date is unknown. */
  ageOn(day: DateTime = DateTime.now()) {
    if (!this.birthDate) return null
    return Math.floor(day.diff(this.birthDate, 'years').years)
  }
}
