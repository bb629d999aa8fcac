import { DateTime } from 'luxon'
import KioskDevice, { PAIRING_MINUTES, normalizePairingCode, sha256 } from '#models/kiosk_device'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

/** An admin names a tablet and gets a one-time pairing code to type on it (shown once, hashed at rest). */
export default class PairKioskDevice {
  static async handle(actor: Actor, name: string) {
    const code = KioskDevice.newPairingCode()
    const device = await KioskDevice.create({
      name,
      // Unusable until the code is claimed: the hash of a value nobody keeps.
      tokenHash: sha256(KioskDevice.newToken()),
      pairingCodeHash: sha256(normalizePairingCode(code)),
      pairingExpiresAt: DateTime.now().plus({ minutes: PAIRING_MINUTES }),
      pairedBy: actor.userId,
    })
    await RecordAudit.handle(actor, { action: 'kiosk_device.created', subject: { type: 'kiosk_device', id: device.id }, details: { name } })
    return { device, code }
  }
}
