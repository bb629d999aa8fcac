import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import { endOfStudioDay } from '#actions/galleries/gallery_input'
import { fieldError } from '#services/http/field_error'

export interface ExtendGalleryInput {
  /** A new last day… */
  expiresOn?: Date
  /** …or this many more days, counted from the current expiry (or today, for an expired gallery). */
  days?: number
}

export type ExtendGalleryResult = { ok: true; gallery: Gallery } | { ok: false; reason: 'not_extendable' | 'not_later' }

/** Moves a live gallery's expiry date; an expired gallery opens again until the new date. */
export default class ExtendGallery {
  static async handle(ctx: HttpContext | null, gallery: Gallery, input: ExtendGalleryInput): Promise<ExtendGalleryResult> {
    if (!input.expiresOn && !input.days) throw fieldError('days', 'Enter a number of days or choose a date')
    if (gallery.status !== 'published' && gallery.status !== 'expired') return { ok: false, reason: 'not_extendable' }

    const now = DateTime.now()
    const until = input.expiresOn ? await endOfStudioDay(input.expiresOn) : await daysLater(gallery, input.days!, now)
    if (until <= now) return { ok: false, reason: 'not_later' }

    const before = { status: gallery.status, expiresAt: gallery.expiresAt?.toISO() ?? null }
    await gallery.extend(until, now)
    await RecordAudit.handle(ctx, {
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
