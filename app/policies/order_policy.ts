import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** Print orders on the studio side: admins and front-desk staff see, pack and ship them. */
export default class OrderPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'staff')
  }
}
