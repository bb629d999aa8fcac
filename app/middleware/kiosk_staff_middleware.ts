import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import KioskPolicy from '#policies/kiosk_policy'

/** On a paired tablet: a staff member must be signed in (else the tablet's sign-in screen). */
export default class KioskStaffMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.user) {
      if (ctx.request.header('hx-request')) {
        ctx.response.header('HX-Redirect', '/kiosk/staff-session')
        return ctx.response.unauthorized('Sign in on this tablet')
      }
      return ctx.response.redirect().toRoute('kiosk.staff_session.create')
    }
    await ctx.bouncer.with(KioskPolicy).authorize('useBoard')
    return next()
  }
}
