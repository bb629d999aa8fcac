import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Contract, { type ContractStatus } from '#models/contract'
import ContractTemplate, { type MergeValues } from '#models/contract_template'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import { DemoRandom } from '#database/demo/random'
import { MODEL_RELEASE, SESSION_AGREEMENT } from '#database/demo/studio/templates'

const SIGNED_ONCE_ATTENDED = ['confirmed', 'checked_in', 'in_progress', 'completed', 'no_show']

function statusFor(session: PhotoSession, index: number): ContractStatus {
  if (session.status === 'cancelled') return 'void'
  if (SIGNED_ONCE_ATTENDED.includes(session.status)) return 'signed'
  return index % 3 === 0 ? 'draft' : 'sent'
}

function mergeValues(session: PhotoSession, settings: StudioSetting): MergeValues {
  const money = (cents: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: session.currency }).format(cents / 100)
  const local = session.startsAt.setZone(settings.timezone)
  return {
    'studio.name': settings.name,
    'studio.cancellation_window_hours': settings.cancellationWindowHours,
    'studio.gallery_days': settings.galleryDefaultDays,
    'client.name': session.user.fullName,
    'client.email': session.user.email,
    'session.number': session.sessionNumber,
    'session.date': local.toFormat('cccc d LLLL yyyy'),
    'session.time': local.toFormat('h:mm a'),
    'session.total': money(session.totalAmount),
    'session.deposit': money(session.depositAmount),
    'session.balance': money(session.balanceDue),
    'package.name': session.package.name,
    'children.names': session.children.map((child) => child.firstName).join(' and ') || 'the children',
  }
}

/** A session agreement for four sessions in five (void when cancelled), plus model releases for some. */
export async function seedContracts(client: QueryClientContract) {
  const settings = await StudioSetting.current({ client })
  const agreement = await ContractTemplate.query({ client }).where('name', SESSION_AGREEMENT).firstOrFail()
  const release = await ContractTemplate.query({ client }).where('name', MODEL_RELEASE).firstOrFail()
  const sessions = await PhotoSession.query({ client })
    .preload('user')
    .preload('package')
    .preload('children')
    .orderBy('session_number')

  for (const [index, session] of sessions.entries()) {
    if (index % 5 === 4) continue
    const random = new DemoRandom(`contract-${session.sessionNumber}`)
    await writeContract(client, session, agreement, statusFor(session, index), settings, random)
    if (session.status === 'completed' && index % 3 === 0) {
      await writeContract(client, session, release, 'signed', settings, random)
    }
  }
}

async function writeContract(
  client: QueryClientContract,
  session: PhotoSession,
  template: ContractTemplate,
  status: ContractStatus,
  settings: StudioSetting,
  random: DemoRandom
) {
  const exists = await Contract.query({ client })
    .where('photo_session_id', session.id)
    .where('template_id', template.id)
    .first()
  if (exists) return
  const now = DateTime.now()
  const body = template.render(mergeValues(session, settings))
  const sentAt = DateTime.min(
    session.createdAt.plus({ minutes: 10 }),
    session.startsAt.minus({ days: 2 }),
    now.minus({ minutes: 30 })
  )
  const wasSent = status === 'sent' || status === 'signed' || (status === 'void' && random.chance(0.7))
  const signedAt = DateTime.min(sentAt.plus({ hours: random.int(1, 40) }), now.minus({ minutes: 5 }))
  await Contract.create(
    {
      templateId: template.id,
      userId: session.userId,
      photoSessionId: session.id,
      title: template.name,
      body,
      status,
      bodySha256: wasSent ? Contract.digest(body) : null,
      sentAt: wasSent ? sentAt : null,
      signedAt: status === 'signed' ? signedAt : null,
      signerName: status === 'signed' ? session.user.fullName : null,
      signerIp: status === 'signed' ? `203.0.113.${random.int(2, 250)}` : null,
      signatureKind: status === 'signed' ? 'typed' : null,
      signature: status === 'signed' ? session.user.fullName : null,
      voidedAt: status === 'void' ? (session.cancelledAt ?? now) : null,
      voidReason: status === 'void' ? (session.cancellationReason ?? 'Session cancelled') : null,
    },
    { client }
  )
}
