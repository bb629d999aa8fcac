import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The payments area: admins read it and refund; nobody else gives money back. */
export default class PaymentPolicy extends BasePolicy {
  view(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }

  refund(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
