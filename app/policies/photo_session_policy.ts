import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type PhotoSession from '#models/photo_session'

/** Who may see and change a photo session: the family that booked it, and the studio. */
export default class PhotoSessionPolicy extends BasePolicy {
  view(user: User, session: PhotoSession): AuthorizerResponse {
    return user.hasRole('admin', 'photographer', 'staff') || session.userId === user.id
  }

  /** Reschedule or cancel from the portal (the cancellation window is checked by the action). */
  changeAsFamily(user: User, session: PhotoSession): AuthorizerResponse {
    return user.hasRole('customer') && session.userId === user.id
  }

  /** The studio side: calendar, notes, status changes, moves with overrides, payments received. */
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'photographer')
  }
}
