import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/** The payments area (and its webhook log): admins read it, refund and replay; nobody else gives money back. */
export default class PaymentPolicy extends BasePolicy {
  view(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }

  refund(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }

  /** Runs a stored gateway event through its handling again (the webhook log's Replay). */
  replayWebhook(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
