import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'

/** A whole day the studio takes no bookings (holiday, maintenance, training). */
export default class BlackoutDate extends AppModel {
  @column.date()
  declare date: DateTime

  @column()
  declare reason: string

  static upcoming = scope((query) => {
    query.where('date', '>=', DateTime.now().toISODate()!).orderBy('date')
  })

  static between = scope((query, from: DateTime, to: DateTime) => {
    query.whereBetween('date', [from.toISODate()!, to.toISODate()!]).orderBy('date')
  })
}
