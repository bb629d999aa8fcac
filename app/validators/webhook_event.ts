import vine from '@vinejs/vine'
import { WEBHOOK_EVENT_STATUSES } from '#models/webhook_event'

export const WEBHOOK_PROVIDERS = ['stripe', 'paypal'] as const

export const webhookEventSearchValidator = vine.compile(
  vine.object({
    provider: vine.enum(WEBHOOK_PROVIDERS).optional(),
    status: vine.enum(WEBHOOK_EVENT_STATUSES).optional(),
    q: vine.string().trim().maxLength(200).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)
