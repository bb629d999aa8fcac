import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { appUrl } from '#config/app'
import OrderItem from '#models/order_item'
import type { FulfillmentProvider, LabOrder } from '#services/fulfillment/fulfillment_provider'
import { affectedRows } from '#support/db/affected_rows'
import { sqlTime } from '#support/db/sql_time'

export type SendItemResult = { ok: true; labOrder: LabOrder } | { ok: false; reason: 'claimed_elsewhere' } | { ok: false; reason: 'lab_failed'; error: Error }

/**
 * A claim this old with no lab order yet was left by a run that died (or failed unhandled)
 * between the claim and storing the lab's answer; a live send gives up within a minute.
 */
export const CLAIM_GRACE = { minutes: 10 }

/** The lab fetches the print file from here for a day; then the link is dead. */
export function printFileUrl(item: OrderItem) {
  return appUrl + router.makeSignedUrl('print_files.show', { item_id: item.id }, { expiresIn: '24 hours', purpose: 'print_file' })
}

/** Items to send: never claimed, or claimed longer than CLAIM_GRACE ago and still without a lab order. */
export function claimable(now: DateTime) {
  const stale = sqlTime(now.minus(CLAIM_GRACE))
  return (query: ModelQueryBuilderContract<typeof OrderItem>) =>
    query.where('fulfillment_status', 'pending').orWhere((claimed) =>
      claimed
        .where('fulfillment_status', 'submitted')
        .whereNull('provider_order_id')
        .where((old) => old.whereNull('submitted_at').orWhere('submitted_at', '<', stale))
    )
}

/**
 * One order item to its lab (needs order and productVariant loaded). Claimed first: one
 * conditional update (→ submitted, stamped now), so of two runs one sends. The lab knows
 * the item by its id, so a re-sent claim adopts the lab order if it was made after all.
 * A failed send goes back to pending for the next run.
 */
export default class SendItemToLab {
  static async handle(item: OrderItem, lab: FulfillmentProvider, now: DateTime = DateTime.now()): Promise<SendItemResult> {
    const resend = item.fulfillmentStatus === 'submitted'
    const claimed = await OrderItem.query().where('id', item.id).where(claimable(now)).update({ fulfillment_status: 'submitted', submitted_at: sqlTime(now) })
    if (!affectedRows(claimed)) return { ok: false, reason: 'claimed_elsewhere' }

    const unanswered = () => OrderItem.query().where('id', item.id).where('fulfillment_status', 'submitted').whereNull('provider_order_id')
    try {
      const labOrder = (resend ? await lab.findOrder(item.id) : null) ?? (await lab.createOrder(requestFor(item)))
      const tracking = labOrder.trackingNumber ? { tracking_number: labOrder.trackingNumber } : {}
      await unanswered().update({ provider_order_id: labOrder.providerOrderId, fulfillment_status: labOrder.status, ...tracking })
      return { ok: true, labOrder }
    } catch (error) {
      await unanswered().update({ fulfillment_status: 'pending', submitted_at: null })
      return { ok: false, reason: 'lab_failed', error: error as Error }
    }
  }
}

function requestFor(item: OrderItem) {
  const variant = item.productVariant
  return {
    itemId: item.id,
    orderNumber: item.order.orderNumber,
    recipient: { ...item.order.shippingAddress!, email: item.order.customerEmail },
    variantId: (item.fulfillmentProvider === 'gooten' ? variant.gootenVariantId : variant.printfulVariantId) ?? variant.sku,
    quantity: item.quantity,
    fileUrl: printFileUrl(item),
  }
}
