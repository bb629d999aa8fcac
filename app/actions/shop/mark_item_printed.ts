import { transition } from '#models/concerns/state_machine'
import type OrderItem from '#models/order_item'
import { findInHouseItem, inHouseStates, ofOrderInProduction } from '#shop/print_queue'
import type { Actor } from '#support/actor'

export type MarkItemPrintedResult = { ok: true; item: OrderItem } | { ok: false; reason: 'not_found' | 'not_allowed' }

/** Staff took an in-house item off the studio's printer: it waits to be packed and shipped. */
export default class MarkItemPrinted {
  static async handle(actor: Actor, itemId: string): Promise<MarkItemPrintedResult> {
    const item = await findInHouseItem(itemId)
    if (!item) return { ok: false, reason: 'not_found' }
    const moved = await transition(item, inHouseStates, 'in_production', { actor, note: 'Printed in house', where: ofOrderInProduction })
    return moved ? { ok: true, item } : { ok: false, reason: 'not_allowed' }
  }
}
