import { DateTime } from 'luxon'
import EmailLog from '#models/email_log'
import Order from '#models/order'
import { openAtLab } from '#models/order_item'
import Payment from '#models/payment'
import PhotoSession from '#models/photo_session'
import { sqlTime } from '#support/db/sql_time'

const SHOWN = 10

export interface AttentionList {
  /** Sessions whose payment plan failed and has no new card yet (the calendar's ⚑). */
  failedPlans: { sessionId: string; sessionNumber: string; family: string; flaggedAt: DateTime }[]
  /** Cancelled orders with money paid at the studio (or a refund the gateway refused) still to give back. */
  refundsToMake: { orderId: string; orderNumber: string; customerEmail: string; amount: number; currency: string }[]
  /** Orders every print lab cancelled, still waiting on the studio to refund or resend. */
  labsCancelled: { orderId: string; orderNumber: string; customerEmail: string }[]
  /** Refunded orders with a lab order still open (the next fulfillment sync cancels it, unless the lab has started printing). */
  stillAtLab: { orderId: string; orderNumber: string; labs: string[] }[]
  /** Emails that failed to send in the last 7 days. */
  failedEmails: number
  /** How many items in all (the lists show the first ten of each). */
  total: number
}

/**
 * What the studio has to act on, which today it hears of only by email: a failed plan, a
 * refund to hand back at the desk, an order the labs dropped, a refunded order a lab is still
 * making, mail that did not go out. Each item leaves the list by itself once acted on (a new
 * card, the refund recorded, the order refunded or resent, the lab order cancelled or shipped).
 */
export default class LoadAttentionList {
  static async handle(now: DateTime = DateTime.now()): Promise<AttentionList> {
    const [sessions, payments, orders, refunded, failed] = await Promise.all([
      PhotoSession.query().whereNotNull('payment_flagged_at').whereNot('status', 'cancelled').preload('user').orderBy('payment_flagged_at', 'desc'),
      Payment.query()
        .whereIn('status', ['succeeded', 'partially_refunded'])
        .whereHas('order', (order) => order.where('status', 'cancelled'))
        .preload('order')
        .orderBy('created_at', 'desc'),
      Order.query().whereNotNull('labs_cancelled_at').where('status', 'in_production').orderBy('labs_cancelled_at', 'desc'),
      Order.query()
        .where('status', 'refunded')
        .whereHas('items', (item) => openAtLab(item))
        .preload('items', (item) => openAtLab(item))
        .orderBy('refunded_at', 'desc'),
      EmailLog.query().where('status', 'failed').where('created_at', '>=', sqlTime(now.minus({ days: 7 }))).count('* as total').first(),
    ])
    const owed = payments.filter((payment) => payment.refundable > 0)
    const failedEmails = Number(failed?.$extras.total ?? 0)
    return {
      failedPlans: sessions.slice(0, SHOWN).map((session) => ({ sessionId: session.id, sessionNumber: session.sessionNumber, family: session.user.fullName, flaggedAt: session.paymentFlaggedAt! })),
      refundsToMake: owed.slice(0, SHOWN).map((payment) => ({
        orderId: payment.order.id,
        orderNumber: payment.order.orderNumber,
        customerEmail: payment.order.customerEmail,
        amount: payment.refundable,
        currency: payment.currency,
      })),
      labsCancelled: orders.slice(0, SHOWN).map((order) => ({ orderId: order.id, orderNumber: order.orderNumber, customerEmail: order.customerEmail })),
      stillAtLab: refunded.slice(0, SHOWN).map((order) => ({ orderId: order.id, orderNumber: order.orderNumber, labs: [...new Set(order.items.map((item) => item.fulfillmentProvider))] })),
      failedEmails,
      total: sessions.length + owed.length + orders.length + refunded.length + (failedEmails ? 1 : 0),
    }
  }
}
