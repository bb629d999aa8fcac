import OrderItem from '#models/order_item'
import type { LabStatus } from '#services/fulfillment/fulfillment_provider'
import SettleOrderFromLabs from '#actions/shop/settle_order_from_labs'
import { actors } from '#support/actor'

/**
 * A lab told us (webhook) where one of our items stands. Replays and out-of-date news are
 * harmless: the item just takes the status and tracking given, and its order follows (shipped,
 * delivered, or flagged to the studio when everything was cancelled); an unknown item is ignored.
 */
export default class RecordLabUpdate {
  static async handle(provider: 'printful' | 'gooten', itemId: string, update: { status: LabStatus; trackingNumber: string | null }) {
    const item = await OrderItem.query().where('id', itemId).where('fulfillment_provider', provider).preload('order').first()
    if (!item) return false
    await item.merge({ fulfillmentStatus: update.status, trackingNumber: update.trackingNumber ?? item.trackingNumber }).save()
    await SettleOrderFromLabs.handle(actors.system(`webhook:${provider}`), item.order)
    return true
  }
}
