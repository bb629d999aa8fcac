import type KioskDevice from '#models/kiosk_device'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/** Revoked at once: the tablet's next request finds no device behind its token. */
export default class RevokeKioskDevice {
  static async handle(actor: Actor, device: KioskDevice) {
    const revoked = await device.revoke()
    if (revoked) {
      await RecordAudit.handle(actor, { action: 'kiosk_device.revoked', subject: { type: 'kiosk_device', id: device.id }, details: { name: device.name } })
    }
    return revoked
  }
}
