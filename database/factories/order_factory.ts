import { randomUUID } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Order from '#models/order'
import { UserFactory } from '#database/factories/user_factory'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { DiscountCodeFactory } from '#database/factories/discount_code_factory'
import { plainFullName } from '#database/factories/support/plain_names'

/** A pending order with consistent totals; `orderNumber` comes from the number sequence. */
export const OrderFactory = factory
  .define(Order, ({ faker }) => {
    const subtotal = faker.number.int({ min: 20, max: 300 }) * 100
    const taxAmount = Math.round(subtotal * 0.08)
    const shippingAmount = 899
    return {
      customerEmail: faker.internet.email().toLowerCase(),
      status: 'pending' as const,
      subtotal,
      taxAmount,
      shippingAmount,
      discountAmount: 0,
      totalAmount: subtotal + taxAmount + shippingAmount,
      currency: 'USD',
      shippingAddress: {
        name: plainFullName(faker),
        line1: faker.location.streetAddress(),
        city: faker.location.city(),
        region: faker.location.state({ abbreviated: true }),
        postalCode: faker.location.zipCode('#####'),
        country: 'US',
      },
      billingAddress: null,
      trackingNumbers: null,
      notes: null,
    }
  })
  .state('paid', (order) => {
    order.status = 'paid'
    order.paidAt = DateTime.now().minus({ days: 3 })
    order.providerPaymentId = `pi_test_${randomUUID().slice(0, 12)}`
  })
  .state('inProduction', (order) => {
    order.status = 'in_production'
    order.paidAt = DateTime.now().minus({ days: 5 })
  })
  .state('shipped', (order) => {
    order.status = 'shipped'
    order.paidAt = DateTime.now().minus({ days: 8 })
    order.shippedAt = DateTime.now().minus({ days: 2 })
    order.trackingNumbers = ['1Z999AA10123456784']
    order.estimatedDelivery = DateTime.now().plus({ days: 3 })
  })
  .state('delivered', (order) => {
    order.status = 'delivered'
    order.paidAt = DateTime.now().minus({ days: 14 })
    order.shippedAt = DateTime.now().minus({ days: 9 })
    order.deliveredAt = DateTime.now().minus({ days: 4 })
    order.trackingNumbers = ['1Z999AA10123456784']
  })
  .state('cancelled', (order) => {
    order.status = 'cancelled'
    order.cancelledAt = DateTime.now().minus({ days: 1 })
  })
  .state('refunded', (order) => {
    order.status = 'refunded'
    order.paidAt = DateTime.now().minus({ days: 10 })
    order.refundedAt = DateTime.now().minus({ days: 2 })
  })
  .state('discounted', (order) => {
    order.discountAmount = Math.round(order.subtotal * 0.1)
    order.totalAmount = order.subtotal + order.taxAmount + order.shippingAmount - order.discountAmount
  })
  .relation('user', () => UserFactory)
  .relation('items', () => OrderItemFactory)
  .relation('discountCode', () => DiscountCodeFactory)
  .build()
