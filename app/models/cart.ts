import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import CartItem from '#models/cart_item'

/** A shopping cart: a signed-in customer's, or a guest's found by the token in their cookie. */
export default class Cart extends AppModel {
  @column()
  declare userId: string | null

  @column({ serializeAs: null })
  declare guestToken: string | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @hasMany(() => CartItem)
  declare items: HasMany<typeof CartItem>

  static forGuest = scope((query, token: string) => {
    query.whereNull('user_id').where('guest_token', token)
  })

  static forUser = scope((query, userId: string) => {
    query.where('user_id', userId)
  })

  get isGuest() {
    return !this.userId
  }
}
