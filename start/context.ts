/*
| `ctx.actor`: who is asking, as actions want it (see app/support/actor.ts). Computed
| on access, so it sees the user the auth middleware signed in and the kiosk device a
| kiosk middleware attached.
*/
import { HttpContext } from '@adonisjs/core/http'
import { actors, type Actor } from '#support/actor'

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    actor: Actor
    /** Set by the kiosk middleware on requests from a paired tablet. */
    kioskDeviceId?: string | null
  }
}

HttpContext.getter('actor', function (this: HttpContext) {
  const origin = {
    ip: this.request.ip(),
    userAgent: this.request.header('user-agent')?.slice(0, 500) ?? null,
    kioskDeviceId: this.kioskDeviceId ?? null,
  }
  const user = this.auth?.user
  return user ? actors.user(user, origin) : actors.anonymous(origin)
})
