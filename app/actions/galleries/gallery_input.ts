import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import StudioSetting from '#models/studio_setting'
import { uniqueViolationColumn } from '#support/db/unique_violation'

/** What the create and edit forms send (after validation). */
export interface GallerySettingsInput {
  name: string
  slug?: string
  description?: string
  /** Empty keeps the gallery's code (a new gallery gets a generated one). */
  accessCode?: string
  password?: string
  downloadEnabled?: boolean
  watermarkEnabled?: boolean
  socialShareEnabled?: boolean
  publicShareEnabled?: boolean
  selectionLimit?: number
  expiresOn?: Date
}

/** The columns both forms write; an unchecked box arrives as "missing" and means off. */
export async function gallerySettingsColumns(input: GallerySettingsInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    ...(input.accessCode ? { accessCode: input.accessCode } : {}),
    downloadEnabled: input.downloadEnabled ?? false,
    watermarkEnabled: input.watermarkEnabled ?? false,
    socialShareEnabled: input.socialShareEnabled ?? false,
    publicShareEnabled: input.publicShareEnabled ?? false,
    ...(input.password ? { passwordHash: await hash.make(input.password) } : {}),
  }
}

/** A chosen day means "until the end of that day" in the studio's time zone. */
export async function endOfStudioDay(day: Date) {
  const { timezone } = await StudioSetting.current()
  const iso = DateTime.fromJSDate(day).toISODate()!
  return DateTime.fromISO(iso, { zone: timezone }).endOf('day').startOf('second')
}

export type GallerySettingsRefusal = { ok: false; reason: 'slug_taken' | 'code_taken' }

/** Another request took the slug or code between validation and the write: a refusal, not a 500. */
export function uniqueRefusal(error: unknown): GallerySettingsRefusal {
  const column = uniqueViolationColumn(error, ['slug', 'access_code'])
  if (column === 'slug') return { ok: false, reason: 'slug_taken' }
  if (column === 'access_code') return { ok: false, reason: 'code_taken' }
  throw error
}
