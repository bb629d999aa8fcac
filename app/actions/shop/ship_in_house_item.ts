import { transition } from '#models/concerns/state_machine'
import type OrderItem from '#models/order_item'
import SettleOrderFromLabs from '#actions/shop/settle_order_from_labs'
import { findInHouseItem, inHouseStates, ofOrderInProduction } from '#shop/print_queue'
import type { Actor } from '#support/actor'

export type ShipInHouseItemResult = { ok: true; item: OrderItem; orderShipped: boolean } | { ok: false; reason: 'not_found' | 'not_allowed' }

/**
 * A printed in-house item left the studio with its tracking number. The order then follows
 * as it does the labs' news: shipped (the customer emailed) once every item has left.
 */
export default class ShipInHouseItem {
  static async handle(actor: Actor, itemId: string, trackingNumber: string): Promise<ShipInHouseItemResult> {
    const item = await findInHouseItem(itemId)
    if (!item) return { ok: false, reason: 'not_found' }
    const moved = await transition(item, inHouseStates, 'shipped', { actor, note: `Tracking ${trackingNumber}`, set: { trackingNumber }, where: ofOrderInProduction })
    if (!moved) return { ok: false, reason: 'not_allowed' }
    const outcomes = await SettleOrderFromLabs.handle(actor, item.order)
    return { ok: true, item, orderShipped: outcomes.includes('shipped') }
  }
}
