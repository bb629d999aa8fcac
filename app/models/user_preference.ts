import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import { booleanColumn } from '#models/concerns/boolean_column'

/** How one person wants to hear from the studio, and in which currency and language. */
export default class UserPreference extends AppModel {
  @column()
  declare userId: string

  @booleanColumn()
  declare notifyEmail: boolean

  @booleanColumn()
  declare notifySms: boolean

  @column()
  declare currency: string

  @column()
  declare locale: string

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
