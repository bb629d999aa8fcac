import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Order from '#models/order'
import type Payment from '#models/payment'
import type Invoice from '#models/invoice'
import { invoiceUrl } from '#actions/invoices/send_invoice'
import StartPayment from '#actions/payments/start_payment'
import OrderPlacedNotification from '#mails/order_placed_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import type { PaymentStart } from '#services/payments/payment_gateway'

/** The customer's own link to an order: signed, so a guest needs no account to follow it. */
export function orderUrl(order: Order) {
  return router.makeSignedUrl('orders.show', { id: order.id }, { purpose: 'order' })
}

/** The links a customer's order email carries (signed: a guest has no account): the order, and its invoice once there is one. */
export function orderMailLinks(order: Order, invoice: Invoice | null) {
  return {
    order: { label: 'See your order', url: appUrl + orderUrl(order) },
    invoice: invoice ? { label: `Invoice ${invoice.number}`, url: appUrl + invoiceUrl(invoice) } : null,
  }
}

/**
 * After an order committed: asks the gateway to collect its payment (a hosted page, or
 * pay at the studio), then emails the customer the order with its link.
 */
export default class ConfirmOrder {
  static async handle(order: Order, payment: Payment, customerName: string): Promise<PaymentStart> {
    const link = appUrl + orderUrl(order)
    const start = await StartPayment.handle(payment, {
      customer: { id: order.userId, email: order.customerEmail, name: customerName },
      description: `Print order ${order.orderNumber}`,
      returnUrl: link,
      cancelUrl: link,
    })
    await order.load('items', (q) => q.preload('productVariant').preload('artwork').preload('photo', (photo) => photo.preload('mediaAsset')))
    await deliverMail(new OrderPlacedNotification(order, link, start.kind === 'pay_at_studio'))
    return start
  }
}
