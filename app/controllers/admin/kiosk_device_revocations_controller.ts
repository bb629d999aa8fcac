import type { HttpContext } from '@adonisjs/core/http'
import KioskDevice from '#models/kiosk_device'
import KioskPolicy from '#policies/kiosk_policy'
import RevokeKioskDevice from '#actions/kiosk/revoke_kiosk_device'
import { findByRouteId } from '#services/http/route_ids'

/** Revocation as a resource: the tablet is signed out of the studio at its next request. */
export default class KioskDeviceRevocationsController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('manageDevices')
    const device = await findByRouteId(KioskDevice, ctx.params.id)
    const revoked = await RevokeKioskDevice.handle(ctx.actor, device)
    ctx.session.flash(revoked ? 'success' : 'error', revoked ? `${device.name} is revoked.` : `${device.name} was already revoked.`)
    return ctx.response.redirect().status(303).toRoute('admin.kiosk_devices.index')
  }
}
