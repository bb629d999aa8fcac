import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { actors } from '#support/actor'
import { sqlTime } from '#support/db/sql_time'
import { fulfillmentProvider } from '#services/fulfillment/providers'
import { LabUnavailableError } from '#services/fulfillment/fulfillment_provider'

export interface SyncSummary {
  released: string[]
  submitted: number
  waiting: number
  updated: number
  shipped: string[]
  errors: string[]
}

const actor = actors.system('fulfillment:sync')

/** The lab fetches the print file from here for a day; then the link is dead. */
export function printFileUrl(item: OrderItem) {
  return appUrl + router.makeSignedUrl('print_files.show', { item_id: item.id }, { expiresIn: '24 hours', purpose: 'print_file' })
}

/**
 * The print queue's heartbeat (fulfillment:sync, every 30 minutes):
 * 1. paid orders whose review window closed go to production;
 * 2. their items are sent to their lab, each claimed first (pending → submitted, one
 *    conditional update) and named by its own id at the lab, so neither two runs nor a
 *    retry after a timeout make a second lab order;
 * 3. open lab orders are polled for status and tracking;
 * 4. an order whose items have all shipped is marked shipped and the customer emailed.
 */
export default class SyncFulfillment {
  static async handle(options: { dryRun?: boolean; now?: DateTime } = {}): Promise<SyncSummary> {
    const now = options.now ?? DateTime.now()
    const summary: SyncSummary = { released: [], submitted: 0, waiting: 0, updated: 0, shipped: [], errors: [] }

    const due = await Order.query().where('status', 'paid').where('review_ends_at', '<=', sqlTime(now))
    for (const order of due) {
      if (options.dryRun || (await order.startProduction({ actor, note: 'Review window closed' }))) summary.released.push(order.orderNumber)
    }

    const pending = await OrderItem.query()
      .where('fulfillment_status', 'pending')
      .whereHas('order', (q) => q.where('status', 'in_production'))
      .preload('order')
      .preload('productVariant')
    for (const item of pending) {
      const lab = fulfillmentProvider(item.fulfillmentProvider)
      if (!lab) {
        summary.waiting++
        continue
      }
      if (options.dryRun) {
        summary.submitted++
        continue
      }
      const claimed = await OrderItem.query().where('id', item.id).where('fulfillment_status', 'pending').update({ fulfillment_status: 'submitted' })
      if (!Number(Array.isArray(claimed) ? claimed[0] : claimed)) continue
      try {
        const address = item.order.shippingAddress!
        const labOrder = await lab.createOrder({
          itemId: item.id,
          orderNumber: item.order.orderNumber,
          recipient: { ...address, email: item.order.customerEmail },
          variantId: (item.fulfillmentProvider === 'gooten' ? item.productVariant.gootenVariantId : item.productVariant.printfulVariantId) ?? item.productVariant.sku,
          quantity: item.quantity,
          fileUrl: printFileUrl(item),
        })
        await OrderItem.query().where('id', item.id).update({ provider_order_id: labOrder.providerOrderId, fulfillment_status: labOrder.status })
        summary.submitted++
      } catch (error) {
        // Back in the queue for the next run; the lab knows the item by its id if it did make it.
        await OrderItem.query().where('id', item.id).update({ fulfillment_status: 'pending' })
        summary.errors.push(`${item.order.orderNumber}: ${(error as Error).message}`)
        if (!(error instanceof LabUnavailableError)) logger.error({ err: error, itemId: item.id }, 'fulfillment submit failed')
      }
    }

    const open = await OrderItem.query()
      .whereIn('fulfillment_status', ['submitted', 'in_production'])
      .whereNot('fulfillment_provider', 'in_house')
      .whereNotNull('provider_order_id')
      .preload('order')
    for (const item of open) {
      const lab = fulfillmentProvider(item.fulfillmentProvider)
      if (!lab) continue
      try {
        const labOrder = await lab.getOrder(item.providerOrderId!)
        if (labOrder.status !== item.fulfillmentStatus || labOrder.trackingNumber !== item.trackingNumber) {
          summary.updated++
          if (!options.dryRun) await item.merge({ fulfillmentStatus: labOrder.status, trackingNumber: labOrder.trackingNumber }).save()
        }
      } catch (error) {
        summary.errors.push(`${item.order.orderNumber}: ${(error as Error).message}`)
      }
    }

    if (!options.dryRun) {
      const producing = await Order.query().where('status', 'in_production').preload('items')
      for (const order of producing) {
        if (await shipIfComplete(order)) summary.shipped.push(order.orderNumber)
      }
    }
    return summary
  }
}

/** An order whose items have all left the labs is shipped, with every tracking number, and the customer emailed. */
export async function shipIfComplete(order: Order) {
  if (!order.$preloaded.items) await order.load('items')
  const done = order.items.length > 0 && order.items.every((i) => ['shipped', 'delivered', 'cancelled'].includes(i.fulfillmentStatus))
  const tracking = [...new Set(order.items.map((i) => i.trackingNumber).filter((t): t is string => !!t))]
  if (order.status !== 'in_production' || !done || !tracking.length) return false
  const result = await ChangeOrderStatus.handle(actor, order, 'shipped', { trackingNumber: tracking[0], note: 'Shipped by the lab' })
  if (result.ok && tracking.length > 1) await order.merge({ trackingNumbers: tracking }).save()
  return result.ok
}
