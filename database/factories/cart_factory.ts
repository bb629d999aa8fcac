import factory from '@adonisjs/lucid/factories'
import Cart from '#models/cart'
import { UserFactory } from '#database/factories/user_factory'
import { CartItemFactory } from '#database/factories/cart_item_factory'

/** A guest's cart by default; `.with('user')` makes it a customer's. */
export const CartFactory = factory
  .define(Cart, ({ faker }) => ({
    guestToken: faker.string.alphanumeric(40),
  }))
  .state('signedIn', (cart) => (cart.guestToken = null))
  .relation('user', () => UserFactory)
  .relation('items', () => CartItemFactory)
  .build()
