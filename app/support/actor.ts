/**
 * Who asks for a change: a signed-in user, a gallery visitor, a kiosk device, or the
 * system (a command, a job, a webhook). Actions take an Actor, never an HttpContext, so
 * a controller, an Ace command, a job and a test call them alike. Controllers get one
 * from `ctx.actor` (see app/middleware/actor_middleware.ts).
 */
export type ActorRole = 'admin' | 'photographer' | 'staff' | 'customer' | 'visitor' | 'system'

export interface Actor {
  /** The signed-in user; null for visitors, kiosk self-service and the system. */
  readonly userId: string | null
  readonly role: ActorRole
  readonly ip: string | null
  readonly userAgent: string | null
  /** The paired kiosk tablet the request came from. */
  readonly kioskDeviceId: string | null
  /** What the system actor is: `galleries:expire`, `job:process_media_asset`, `webhook:stripe`. */
  readonly label: string | null
}

interface ActorUser {
  id: string
  role: 'admin' | 'photographer' | 'staff' | 'customer'
}

interface Origin {
  ip?: string | null
  userAgent?: string | null
  kioskDeviceId?: string | null
}

function make(fields: Partial<Actor> & Pick<Actor, 'role'>): Actor {
  return Object.freeze({
    userId: null,
    ip: null,
    userAgent: null,
    kioskDeviceId: null,
    label: null,
    ...fields,
  })
}

export const actors = {
  /** A signed-in user (admin, photographer, staff or a family). */
  user(user: ActorUser, origin: Origin = {}): Actor {
    return make({ userId: user.id, role: user.role, ...origin })
  },

  /** Someone without an account: a gallery visitor, a guest at checkout, a kiosk in self-service. */
  anonymous(origin: Origin = {}): Actor {
    return make({ role: 'visitor', ...origin })
  },

  /** Loupe itself: a scheduled command, a background job, a webhook. */
  system(label: string): Actor {
    return make({ role: 'system', label })
  },
}

export function isStudio(actor: Actor) {
  return actor.role === 'admin' || actor.role === 'photographer' || actor.role === 'staff'
}
