import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import type { AddressSnapshot } from '#models/order'
import { booleanColumn } from '#models/concerns/boolean_column'

/** An address in a customer's address book; orders keep a snapshot, not a link. */
export default class ShippingAddress extends AppModel {
  @column()
  declare userId: string

  @column()
  declare name: string

  @column({ columnName: 'line1' })
  declare line1: string

  @column({ columnName: 'line2' })
  declare line2: string | null

  @column()
  declare city: string

  @column()
  declare region: string | null

  @column()
  declare postalCode: string

  @column()
  declare country: string

  @column()
  declare phone: string | null

  @booleanColumn()
  declare isDefault: boolean

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  static defaultFirst = scope((query) => {
    query.orderBy('is_default', 'desc').orderBy('created_at', 'desc')
  })

  toSnapshot(): AddressSnapshot {
    return {
      name: this.name,
      line1: this.line1,
      line2: this.line2,
      city: this.city,
      region: this.region,
      postalCode: this.postalCode,
      country: this.country,
      phone: this.phone,
    }
  }
}
