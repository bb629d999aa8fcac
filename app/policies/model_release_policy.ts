import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type ModelRelease from '#models/model_release'

/** A signed model release: the studio sees every one, a family only its own. */
export default class ModelReleasePolicy extends BasePolicy {
  view(user: User, release: ModelRelease): AuthorizerResponse {
    return user.hasRole('admin', 'staff', 'photographer') || release.userId === user.id
  }

  /** Staff at the desk hand the tablet to the parent (self-service signs without anyone signed in). */
  collect(user: User): AuthorizerResponse {
    return user.hasRole('staff', 'admin')
  }
}
