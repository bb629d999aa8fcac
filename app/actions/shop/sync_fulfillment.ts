import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Order from '#models/order'
import OrderItem, { FULFILLMENT_PROVIDERS, OPEN_AT_LAB, openAtLab } from '#models/order_item'
import SettleOrderFromLabs from '#actions/shop/settle_order_from_labs'
import SendItemToLab, { claimable } from '#actions/shop/send_item_to_lab'
import { actors } from '#support/actor'
import { sqlTime } from '#support/db/sql_time'
import { fulfillmentProvider } from '#services/fulfillment/providers'
import { LabUnavailableError } from '#services/fulfillment/fulfillment_provider'
import { LabHttpError } from '#services/fulfillment/lab_http'
import { affectedRows } from '#support/db/affected_rows'

export interface SyncSummary {
  released: string[]
  submitted: number
  waiting: number
  updated: number
  shipped: string[]
  delivered: string[]
  /** Orders whose items the labs all cancelled: the studio was told. */
  flagged: string[]
  /** Refunded orders whose lab orders this run cancelled at the lab (one entry per item). */
  labCancelled: string[]
  errors: string[]
}

const actor = actors.system('fulfillment:sync')

/**
 * The print queue's heartbeat (fulfillment:sync, every 30 minutes):
 * 1. paid orders whose review window closed go to production;
 * 2. their items are sent to their lab (SendItemToLab), each claimed first and named by
 *    its own id at the lab, so neither two runs nor a retry after a timeout make a second
 *    lab order; a claim a dead run left without a lab order is taken over after CLAIM_GRACE;
 * 3. open lab orders are polled for status and tracking (shipped ones too, at labs that
 *    report deliveries);
 * 4. a refunded order's lab orders are cancelled at the lab, while the lab still can (one
 *    that has started printing refuses: said in errors until it ships);
 * 5. orders follow their items: shipped (customer emailed), delivered, or flagged to the
 *    studio when the labs cancelled everything.
 */
export default class SyncFulfillment {
  static async handle(options: { dryRun?: boolean; now?: DateTime } = {}): Promise<SyncSummary> {
    const now = options.now ?? DateTime.now()
    const summary: SyncSummary = { released: [], submitted: 0, waiting: 0, updated: 0, shipped: [], delivered: [], flagged: [], labCancelled: [], errors: [] }

    const due = await Order.query().where('status', 'paid').where('review_ends_at', '<=', sqlTime(now))
    for (const order of due) {
      if (options.dryRun || (await order.startProduction({ actor, note: 'Review window closed' }))) summary.released.push(order.orderNumber)
    }

    const toSend = await OrderItem.query()
      .where(claimable(now))
      .whereHas('order', (q) => q.where('status', 'in_production'))
      .preload('order')
      .preload('productVariant')
    for (const item of toSend) {
      const lab = fulfillmentProvider(item.fulfillmentProvider)
      if (!lab) {
        summary.waiting++
        continue
      }
      if (options.dryRun) {
        summary.submitted++
        continue
      }
      const sent = await SendItemToLab.handle(item, lab, now)
      if (sent.ok) summary.submitted++
      else if (sent.reason === 'lab_failed') {
        summary.errors.push(`${item.order.orderNumber}: ${sent.error.message}`)
        if (!(sent.error instanceof LabUnavailableError)) logger.error({ err: sent.error, itemId: item.id }, 'fulfillment submit failed')
      }
    }

    const delivering = FULFILLMENT_PROVIDERS.filter((name) => fulfillmentProvider(name)?.reportsDelivery)
    const open = await OrderItem.query()
      .where((q) =>
        q
          .whereIn('fulfillment_status', ['submitted', 'in_production'])
          .orWhere((shipped) => shipped.where('fulfillment_status', 'shipped').whereIn('fulfillment_provider', delivering).whereHas('order', (o) => o.where('status', 'shipped')))
      )
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

    await cancelRefundedAtLabs(summary, options.dryRun ?? false)

    if (!options.dryRun) {
      const following = await Order.query()
        .where((q) => q.where('status', 'in_production').orWhere((s) => s.where('status', 'shipped').whereHas('items', (i) => i.where('fulfillment_status', 'delivered'))))
        .preload('items')
      for (const order of following) {
        for (const outcome of await SettleOrderFromLabs.handle(actor, order)) summary[outcome].push(order.orderNumber)
      }
    }
    return summary
  }
}

/** The lab orders of refunded orders (polled just before, so one already shipped is left alone), cancelled at their lab. */
async function cancelRefundedAtLabs(summary: SyncSummary, dryRun: boolean) {
  const items = await openAtLab(OrderItem.query())
    .whereHas('order', (order) => order.where('status', 'refunded'))
    .preload('order')
  for (const item of items) {
    const lab = fulfillmentProvider(item.fulfillmentProvider)
    if (!lab) continue
    if (dryRun) {
      summary.labCancelled.push(item.order.orderNumber)
      continue
    }
    try {
      await lab.cancelOrder(item.providerOrderId!)
      const changed = await OrderItem.query().where('id', item.id).whereIn('fulfillment_status', [...OPEN_AT_LAB]).update({ fulfillment_status: 'cancelled', updated_at: sqlTime(DateTime.now()) })
      if (affectedRows(changed) === 1) summary.labCancelled.push(item.order.orderNumber)
    } catch (error) {
      const refused = error instanceof LabHttpError && error.status < 500
      summary.errors.push(`${item.order.orderNumber}: ${refused ? `${item.fulfillmentProvider} would not cancel its lab order ${item.providerOrderId} (${error.message}); it was refunded, so stop it with the lab` : (error as Error).message}`)
    }
  }
}
