import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'

/**
 * A weekday a photographer works. Without their own hours they work the studio's hours
 * that day; with them, only where both overlap.
 */
export default class PhotographerWorkingDay extends AppModel {
  @column()
  declare userId: string

  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  @column()
  declare weekday: number

  @column()
  declare startsAt: string | null

  @column()
  declare endsAt: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static ordered = scope((query) => {
    query.orderBy('weekday')
  })
}
