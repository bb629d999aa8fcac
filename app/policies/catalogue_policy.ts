import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The catalogue (artworks, categories, products, discount codes) and content pages are the admin's. */
export default class CataloguePolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
