import OrderItem from '#models/order_item'
import type { LabStatus } from '#services/fulfillment/fulfillment_provider'
import { shipIfComplete } from '#actions/shop/sync_fulfillment'

/**
 * A lab told us (webhook) where one of our items stands. Replays and out-of-date news are
 * harmless: the item just takes the status and tracking given; an unknown item is ignored.
 */
export default class RecordLabUpdate {
  static async handle(provider: 'printful' | 'gooten', itemId: string, update: { status: LabStatus; trackingNumber: string | null }) {
    const item = await OrderItem.query().where('id', itemId).where('fulfillment_provider', provider).preload('order').first()
    if (!item) return false
    await item.merge({ fulfillmentStatus: update.status, trackingNumber: update.trackingNumber ?? item.trackingNumber }).save()
    await shipIfComplete(item.order)
    return true
  }
}
