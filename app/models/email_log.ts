import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'

export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'not_sent'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

/** Every message Loupe renders, whether SMTP sent it, refused it, or was not configured. */
export default class EmailLog extends AppModel {
  @column()
  declare to: string

  @column()
  declare subject: string

  @column()
  declare templateKey: string | null

  @column()
  declare status: EmailStatus

  @column()
  declare error: string | null

  @column()
  declare messageId: string | null

  @column({ serializeAs: null })
  declare html: string | null

  @column({ serializeAs: null })
  declare text: string | null

  @column.dateTime()
  declare sentAt: DateTime | null
}
