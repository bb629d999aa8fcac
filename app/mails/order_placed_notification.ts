import { BaseMail } from '@adonisjs/mail'
import type Order from '#models/order'

/** "Thanks for your order": lines, totals, the review window and the order's own link. */
export default class OrderPlacedNotification extends BaseMail {
  subject: string
  /** The link opens the order without signing in. */
  readonly secrets: string[]

  constructor(
    private order: Order,
    private url: string,
    private payAtStudio: boolean
  ) {
    super()
    this.subject = `Your order ${order.orderNumber}`
    this.secrets = [url]
  }

  prepare() {
    const data = { order: this.order, url: this.url, payAtStudio: this.payAtStudio, subject: this.subject }
    this.message
      .to(this.order.customerEmail)
      .htmlView('emails/site/order_placed', data)
      .textView('emails/site/order_placed_text', data)
  }
}
