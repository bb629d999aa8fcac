import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Child from '#models/child'

/** A child profile belongs to its family: only they edit or archive it. */
export default class ChildPolicy extends BasePolicy {
  edit(user: User, child: Child): AuthorizerResponse {
    return user.hasRole('customer') && child.parentId === user.id
  }
}
