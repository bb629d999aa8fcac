import db from '@adonisjs/lucid/services/db'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { defineStateMachine } from '#models/concerns/state_machine'
import OrderItem, { type FulfillmentStatus } from '#models/order_item'
import { isUuid } from '#services/http/route_ids'

/**
 * An in-house item's moves made by hand at the studio's printer: printed (the lab status
 * `in_production`), then shipped with tracking. Labs' items move by their own news instead.
 */
export const inHouseStates = defineStateMachine<FulfillmentStatus, 'fulfillmentStatus'>(
  'OrderItem',
  { pending: ['in_production'], submitted: ['in_production'], in_production: ['shipped'], shipped: [], delivered: [], failed: [], cancelled: [] },
  { attribute: 'fulfillmentStatus' }
)

/** Checked in the compare-and-set itself: an order cancelled or refunded meanwhile stops the move. */
export function ofOrderInProduction(query: ModelQueryBuilderContract<LucidModel>) {
  query.whereIn('order_id', db.from('orders').select('id').where('status', 'in_production'))
}

/** One in-house order item with its order, or null (a lab's item, a mistyped id). */
export async function findInHouseItem(itemId: string) {
  if (!isUuid(itemId)) return null
  return OrderItem.query().where('id', itemId).where('fulfillment_provider', 'in_house').preload('order').first()
}
