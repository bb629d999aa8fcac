import type { HttpContext } from '@adonisjs/core/http'
import { timingSafeEqual } from 'node:crypto'
import env from '#start/env'
import RecordLabUpdate from '#actions/shop/record_lab_update'
import { isUuid } from '#services/http/route_ids'

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))

const EVENTS: Record<string, 'shipped' | 'cancelled' | 'failed' | 'in_production'> = {
  package_shipped: 'shipped',
  order_canceled: 'cancelled',
  order_failed: 'failed',
  order_put_hold: 'in_production',
}

/**
 * Printful's webhook (package shipped, order cancelled or failed). Printful signs nothing,
 * so the URL registered with it carries a secret (`?token=PRINTFUL_WEBHOOK_SECRET`),
 * compared in constant time; anything else is 401 and changes nothing.
 */
export default class PrintfulWebhooksController {
  async store({ request, response }: HttpContext) {
    const secret = env.get('PRINTFUL_WEBHOOK_SECRET')
    if (!secret || !sameSecret(String(request.qs().token ?? ''), secret)) return response.unauthorized({ error: 'invalid token' })
    const { type, data } = request.body() as { type?: string; data?: any }
    const status = type ? EVENTS[type] : undefined
    const itemId = data?.order?.external_id
    if (!status || !isUuid(itemId)) return response.ok({ ignored: true })
    const tracking = data?.shipment?.tracking_number ?? null
    const recorded = await RecordLabUpdate.handle('printful', itemId, { status, trackingNumber: tracking })
    return response.ok({ recorded })
  }
}
