import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import ModelRelease from '#models/model_release'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import { boardEvents } from '#services/kiosk/board_events'
import { releaseMergeValues, releaseTemplate } from '#actions/kiosk/release_text'
import { uniqueViolationColumn } from '#support/db/unique_violation'
import type { Actor } from '#support/actor'

export type SignReleaseResult =
  | { ok: true; releases: ModelRelease[]; signed: number }
  | { ok: false; reason: 'no_template' | 'not_on_session' | 'bad_signature' }

export interface SignReleaseInput {
  childIds: string[]
  signerName: string
  /** The drawn signature as a PNG data URL (the canvas's toDataURL). */
  signature: string
  idempotencyKey: string
  /** The staff member at the desk (in self-service mode: the one who started it). */
  staffUserId: string | null
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * A parent signs the model release on the tablet, one release per child: the template's
 * text rendered for that child and frozen with its SHA-256, the drawn signature stored as
 * a private PNG. A child already released on this session is not signed again, so a double
 * submit (or two tablets, or an offline replay) signs once; the unique (session, child)
 * pair settles a race.
 */
export default class SignModelRelease {
  static async handle(actor: Actor, sessionId: string, input: SignReleaseInput): Promise<SignReleaseResult> {
    const png = decodePng(input.signature)
    if (!png) return { ok: false, reason: 'bad_signature' }
    const session = await PhotoSession.query().where('id', sessionId).preload('user').preload('package').preload('children').preload('modelReleases').firstOrFail()
    const children = input.childIds.map((id) => session.children.find((child) => child.id === id))
    if (!children.length || children.some((child) => !child)) return { ok: false, reason: 'not_on_session' }
    const template = await releaseTemplate()
    if (!template) return { ok: false, reason: 'no_template' }
    const settings = await StudioSetting.current()

    const releases: ModelRelease[] = []
    let signed = 0
    for (const child of children as NonNullable<(typeof children)[number]>[]) {
      const existing = session.modelReleases.find((release) => release.childId === child.id)
      if (existing) {
        releases.push(existing)
        continue
      }
      const id = randomUUID()
      const key = `model-releases/${session.id}/${id}.png`
      const body = template.render(releaseMergeValues(session, child, settings))
      await drive.use().put(key, png, { contentType: 'image/png', visibility: 'private' })
      try {
        const release = await db.transaction((trx) =>
          ModelRelease.create(
            {
              id,
              photoSessionId: session.id,
              childId: child.id,
              userId: session.userId,
              templateId: template.id,
              title: template.name,
              body,
              bodySha256: ModelRelease.digest(body),
              signerName: input.signerName,
              signatureKey: key,
              signedAt: DateTime.now(),
              kioskDeviceId: actor.kioskDeviceId,
              staffUserId: input.staffUserId,
              idempotencyKey: `${input.idempotencyKey}:${child.id}`,
            },
            { client: trx }
          )
        )
        releases.push(release)
        signed++
      } catch (error) {
        await drive.use().delete(key).catch(() => {})
        if (!uniqueViolationColumn(error, ['photo_session_id', 'child_id', 'idempotency_key', 'model_releases'])) throw error
        // Another submit of the same release won the race: it is signed, once.
        releases.push(await ModelRelease.query().where('photo_session_id', session.id).where('child_id', child.id).firstOrFail())
      }
    }
    if (signed) await boardEvents.publish({ sessionId: session.id, status: session.status })
    return { ok: true, releases, signed }
  }
}

function decodePng(dataUrl: string) {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl)
  if (!match) return null
  const bytes = Buffer.from(match[1], 'base64')
  return bytes.length > PNG_MAGIC.length && bytes.subarray(0, 8).equals(PNG_MAGIC) ? bytes : null
}
