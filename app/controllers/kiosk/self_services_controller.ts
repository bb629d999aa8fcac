import type { HttpContext } from '@adonisjs/core/http'
import KioskPolicy from '#policies/kiosk_policy'
import { SELF_SERVICE_KEY } from '#middleware/kiosk_self_service_middleware'

/**
 * Self-service mode: staff hand the tablet to families. Starting it signs the staff
 * member out and locks the tablet on the self-service screens (see the middleware);
 * only a staff PIN leaves it (SelfServiceExitsController).
 */
export default class SelfServicesController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('useBoard')
    const startedBy = ctx.auth.user!.id
    await ctx.auth.use('web').logout()
    ctx.session.regenerate()
    ctx.session.put(SELF_SERVICE_KEY, { startedBy })
    return ctx.response.redirect().status(303).toRoute('kiosk.self_service.show')
  }

  async show({ view }: HttpContext) {
    return view.render('pages/kiosk/self_service/show')
  }
}
