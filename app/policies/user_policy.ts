import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import User from '#models/user'

export default class UserPolicy extends BasePolicy {
  viewList(actor: User): AuthorizerResponse {
    return actor.hasRole('admin')
  }

  create(actor: User): AuthorizerResponse {
    return actor.hasRole('admin')
  }

  /** Admins manage everyone but themselves, so nobody locks the studio out by accident. */
  update(actor: User, subject: User): AuthorizerResponse {
    return actor.hasRole('admin') && actor.id !== subject.id
  }
}
