import hash from '@adonisjs/core/services/hash'
import PairKioskDevice from '#actions/kiosk/pair_kiosk_device'
import ClaimKioskPairing from '#actions/kiosk/claim_kiosk_pairing'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'
import StudioSetting from '#models/studio_setting'
import type PhotoSession from '#models/photo_session'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { ChildFactory } from '#database/factories/child_factory'
import { SessionChildFactory } from '#database/factories/session_child_factory'
import { at, STUDIO_ZONE } from '#tests/support/booking'

export { KIOSK_COOKIE } from '#middleware/kiosk_device_middleware'

/** A tablet an admin paired and that typed its code: the device and the token it keeps. */
export async function pairedTablet(name = 'Front desk') {
  const admin = await UserFactory.apply('admin').create()
  const { code } = await PairKioskDevice.handle(actors.user(admin), name)
  const claim = await ClaimKioskPairing.handle(code, `10.9.${Math.floor(Math.random() * 250)}.1`)
  if (!claim.ok) throw new Error(`pairing failed: ${claim.reason}`)
  return { admin, device: claim.device, token: claim.token }
}

/** A front-desk staff member with a tablet PIN. */
export async function staffWithPin(pin = '2468', firstName = 'Dana') {
  return UserFactory.apply('staff').merge({ firstName, kioskPinHash: await hash.make(pin) }).create()
}

/** The studio's zone, and a session of the day at `time` for a new family with named children. */
export async function todaysSession(time: string, family: { first: string; last: string }, children: string[], extra: Partial<PhotoSession> = {}) {
  const settings = await StudioSetting.current()
  if (settings.timezone !== STUDIO_ZONE) {
    settings.timezone = STUDIO_ZONE
    await settings.save()
  }
  const parent = await UserFactory.apply('customer').merge({ firstName: family.first, lastName: family.last }).create()
  const pkg = await PackageFactory.merge({ name: 'Rockstar Mini' }).create()
  const session = await PhotoSessionFactory.merge({
    userId: parent.id,
    packageId: pkg.id,
    startsAt: at(0, time).toLocal(),
    status: 'confirmed',
    specialRequests: null,
    totalAmount: 40_000,
    depositAmount: 10_000,
    balanceDue: 30_000,
    ...extra,
  }).create()
  for (const name of children) {
    const child = await ChildFactory.merge({ parentId: parent.id, firstName: name, lastName: family.last, specialRequirements: null }).create()
    await SessionChildFactory.merge({ photoSessionId: session.id, childId: child.id }).create()
  }
  return session
}

/** The studio's model release template (the release text comes from a contract template). */
export async function releaseTemplate() {
  const { ContractTemplateFactory } = await import('#database/factories/contract_template_factory')
  return ContractTemplateFactory.merge({
    name: 'Model release for minors',
    body: 'I, {{client.name}}, parent of {{children.names}}, allow {{studio.name}} to use photographs from session {{session.number}}.',
  }).create()
}

/** A drawn signature as the canvas sends it: a small PNG data URL. */
export async function signatureDataUrl() {
  const { default: sharp } = await import('sharp')
  const png = await sharp({ create: { width: 40, height: 12, channels: 4, background: '#1d1b2e' } }).png().toBuffer()
  return `data:image/png;base64,${png.toString('base64')}`
}
