import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Order from '#models/order'

/**
 * Print orders. Studio side: admins and front-desk staff see, pack and ship them. Customer
 * side (guests allowed): the account that placed it, or whoever holds the order's signed
 * link (`signed`: the request carries a valid one); anyone else is told it doesn't exist.
 */
export default class OrderPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'staff')
  }

  /** See it, cancel it in its review window, buy it again. */
  @allowGuest()
  actAsCustomer(user: User | null, order: Order, signed: boolean): AuthorizerResponse {
    if (signed || (user && order.userId === user.id)) return true
    return AuthorizationResponse.deny('We could not find that order.', 404)
  }
}
