import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** Packages, availability rules, hours and blackouts are the admin's. */
export default class PackagePolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
