import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The studio's availability rules, hours, photographers' weeks and blackouts: admins. */
export default class StudioPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
