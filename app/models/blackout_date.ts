import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'

/**
 * A whole day without bookings: for the studio (holiday, maintenance, training) when
 * `photographerId` is null, else one photographer's day off.
 */
export default class BlackoutDate extends AppModel {
  @column.date()
  declare date: DateTime

  @column()
  declare reason: string

  @column()
  declare photographerId: string | null

  @belongsTo(() => User, { foreignKey: 'photographerId' })
  declare photographer: BelongsTo<typeof User>

  get isStudioWide() {
    return this.photographerId === null
  }

  static upcoming = scope((query) => {
    query.where('date', '>=', DateTime.now().toISODate()!).orderBy('date')
  })

  static between = scope((query, from: DateTime, to: DateTime) => {
    query.whereBetween('date', [from.toISODate()!, to.toISODate()!]).orderBy('date')
  })
}
