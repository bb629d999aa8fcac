import { BaseMail } from '@adonisjs/mail'
import type Order from '#models/order'

/** "Your prints are on their way", with the tracking numbers and the order's link. */
export default class OrderShippedNotification extends BaseMail {
  subject: string
  readonly secrets: string[]

  constructor(
    private order: Order,
    private url: string
  ) {
    super()
    this.subject = `Your prints are on their way: ${order.orderNumber}`
    this.secrets = [url]
  }

  prepare() {
    const data = { order: this.order, url: this.url, subject: this.subject }
    this.message
      .to(this.order.customerEmail)
      .htmlView('emails/site/order_shipped', data)
      .textView('emails/site/order_shipped_text', data)
  }
}
