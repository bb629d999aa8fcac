import { DateTime } from 'luxon'
import type Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import { endOfStudioDay } from '#actions/galleries/gallery_input'
import type { Actor } from '#support/actor'

export interface ExtendGalleryInput {
  /** A new last day… */
  expiresOn?: Date
  /** …or this many more days, counted from the current expiry (or today, for an expired gallery). */
  days?: number
}

export type ExtendGalleryResult = { ok: true; gallery: Gallery } | { ok: false; reason: 'no_date' | 'not_extendable' | 'not_later' }

/** Moves a live gallery's expiry date; an expired gallery opens again until the new date. */
export default class ExtendGallery {
  static async handle(actor: Actor, gallery: Gallery, input: ExtendGalleryInput): Promise<ExtendGalleryResult> {
    if (!input.expiresOn && !input.days) return { ok: false, reason: 'no_date' }

    const now = DateTime.now()
    const until = input.expiresOn ? await endOfStudioDay(input.expiresOn) : await daysLater(gallery, input.days!, now)
    if (until <= now) return { ok: false, reason: 'not_later' }

    const before = { status: gallery.status, expiresAt: gallery.expiresAt?.toISO() ?? null }
    if (!(await gallery.extend(until, { actor, now }))) return { ok: false, reason: 'not_extendable' }
    await RecordAudit.handle(actor, {
      action: 'gallery.extended',
      subject: { type: 'gallery', id: gallery.id },
      details: { name: gallery.name, before, expiresAt: until.toISO() },
    })
    return { ok: true, gallery }
  }
}

async function daysLater(gallery: Gallery, days: number, now: DateTime) {
  const { timezone } = await StudioSetting.current()
  const from = gallery.expiresAt && gallery.expiresAt > now ? gallery.expiresAt : now
  return from.setZone(timezone).plus({ days }).endOf('day').startOf('second')
}
