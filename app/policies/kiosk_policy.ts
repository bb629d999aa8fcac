import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The front-desk tablets: staff and admins work the board; admins pair and revoke tablets. */
export default class KioskPolicy extends BasePolicy {
  useBoard(user: User): AuthorizerResponse {
    return user.hasRole('staff', 'admin')
  }

  checkIn(user: User): AuthorizerResponse {
    return user.hasRole('staff', 'admin')
  }

  takePayment(user: User): AuthorizerResponse {
    return user.hasRole('staff', 'admin')
  }

  manageDevices(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
