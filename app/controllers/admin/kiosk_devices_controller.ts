import type { HttpContext } from '@adonisjs/core/http'
import KioskDevice from '#models/kiosk_device'
import KioskPolicy from '#policies/kiosk_policy'
import { kioskDeviceValidator } from '#validators/kiosk'
import PairKioskDevice from '#actions/kiosk/pair_kiosk_device'

/** The studio's tablets: pair a new one (a one-time code to type on it), see when each was last used. */
export default class KioskDevicesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(KioskPolicy).authorize('manageDevices')
    const devices = await KioskDevice.query().preload('pairedByUser').orderBy('created_at', 'desc')
    return view.render('pages/admin/kiosk_devices/index', { devices })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(KioskPolicy).authorize('manageDevices')
    const { name } = await ctx.request.validateUsing(kioskDeviceValidator)
    const { code } = await PairKioskDevice.handle(ctx.actor, name)
    ctx.session.flash('pairing', { name, code })
    return ctx.response.redirect().status(303).toRoute('admin.kiosk_devices.index')
  }
}
