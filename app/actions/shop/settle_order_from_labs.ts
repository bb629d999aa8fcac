import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import Order from '#models/order'
import StudioSetting from '#models/studio_setting'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import RecordAudit from '#actions/audit/record_audit'
import BillingNotification from '#mails/billing_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { actors, type Actor } from '#support/actor'
import { affectedRows } from '#support/db/affected_rows'
import { sqlTime } from '#support/db/sql_time'

export type LabOutcome = 'shipped' | 'delivered' | 'flagged'

/**
 * An order follows what the labs say of its items: all out of the labs → shipped (the
 * customer emailed with tracking), then all delivered → delivered. All cancelled by the
 * labs leaves nothing to make or ship, and no order state fits (a refund or a reprint is
 * the studio's call), so the studio is told once: a note, an audit row and an email.
 */
export default class SettleOrderFromLabs {
  static async handle(actor: Actor, order: Order): Promise<LabOutcome[]> {
    if (!order.$preloaded.items) await order.load('items')
    const statuses = order.items.map((item) => item.fulfillmentStatus)
    if (!statuses.length) return []
    if (statuses.every((status) => status === 'cancelled')) return (await flagToStudio(actor, order)) ? ['flagged'] : []

    const outcomes: LabOutcome[] = []
    if (await shipIfComplete(order, actor)) outcomes.push('shipped')
    const delivered = statuses.every((status) => status === 'delivered' || status === 'cancelled')
    if (order.status === 'shipped' && delivered && (await ChangeOrderStatus.handle(actor, order, 'delivered', { note: 'Delivered, as the lab reports' })).ok) {
      outcomes.push('delivered')
    }
    return outcomes
  }
}

/** An order whose items have all left the labs is shipped, with every tracking number, and the customer emailed. */
export async function shipIfComplete(order: Order, actor: Actor = actors.system('fulfillment:sync')) {
  if (!order.$preloaded.items) await order.load('items')
  const done = order.items.every((i) => ['shipped', 'delivered', 'cancelled'].includes(i.fulfillmentStatus))
  const tracking = [...new Set(order.items.map((i) => i.trackingNumber).filter((t): t is string => !!t))]
  if (order.status !== 'in_production' || !done || !tracking.length) return false
  const result = await ChangeOrderStatus.handle(actor, order, 'shipped', { trackingNumber: tracking[0], note: 'Shipped by the lab' })
  if (result.ok && tracking.length > 1) await order.merge({ trackingNumbers: tracking }).save()
  return result.ok
}

const NOTE = 'Every item was cancelled by its lab: refund, reprint or contact the customer.'

async function flagToStudio(actor: Actor, order: Order) {
  if (order.status !== 'in_production' || order.labsCancelledAt) return false
  const now = DateTime.now()
  // Once: of two runs (or a run and a webhook) only the one that sets the stamp tells the studio.
  const flagged = await db
    .from('orders')
    .where('id', order.id)
    .where('status', 'in_production')
    .whereNull('labs_cancelled_at')
    .update({
      labs_cancelled_at: sqlTime(now),
      notes: db.knexRawQuery(`CASE WHEN notes IS NULL OR notes = '' THEN ? ELSE notes || ? END`, [NOTE, `\n${NOTE}`]),
      updated_at: sqlTime(now),
    })
  if (affectedRows(flagged) !== 1) return false
  await order.refresh()
  await RecordAudit.handle(actor, { action: 'order.labs_cancelled', subject: { type: 'Order', id: order.id }, details: { orderNumber: order.orderNumber } })

  const settings = await StudioSetting.current()
  if (settings.email) {
    await deliverMail(
      new BillingNotification({
        to: settings.email,
        greeting: 'Hello,',
        subject: `Order ${order.orderNumber}: the lab cancelled every item`,
        lines: [
          `The labs cancelled every print of order ${order.orderNumber} (${order.customerEmail}), so nothing will ship.`,
          'The order stays in production until you refund it, reprint it or hear from the customer.',
        ],
        link: { label: 'Open the order', url: appUrl + router.makeUrl('admin.orders.show', { id: order.id }) },
      })
    )
  }
  return true
}
