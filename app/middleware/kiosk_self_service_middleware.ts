import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** The HTTP-session key that locks a tablet in self-service mode (holds who started it). */
export const SELF_SERVICE_KEY = 'kiosk_self_service'

export interface SelfServiceState {
  startedBy: string
}

export function selfServiceState(ctx: HttpContext): SelfServiceState | null {
  const state = ctx.session.get(SELF_SERVICE_KEY)
  return state && typeof state.startedBy === 'string' ? state : null
}

/**
 * Self-service mode locks the tablet: families use it, so nothing else on it is reachable
 * (the board, session cards, staff sign-in) until a staff PIN leaves the mode.
 * `locked`: the self-service screens, which need the mode on. `outside`: everything else.
 */
export default class KioskSelfServiceMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { area: 'locked' | 'outside' }) {
    const on = selfServiceState(ctx) !== null
    if (on === (options.area === 'locked')) return next()
    const target = on ? '/kiosk/self-service' : '/kiosk/staff-session'
    if (ctx.request.header('hx-request')) {
      ctx.response.header('HX-Redirect', target)
      return ctx.response.status(on ? 423 : 401).send(on ? 'This tablet is in self-service mode' : 'Sign in on this tablet')
    }
    return ctx.response.redirect().status(303).toPath(target)
  }
}
