import { DateTime } from 'luxon'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import OrderItem, { type FulfillmentStatus } from '#models/order_item'
import Payment from '#models/payment'
import { demoUuid } from '#database/demo/crm/demo_uuid'
import { addressFor } from '#database/demo/commerce/addresses'
import { planOrders, type OrderSpec } from '#database/demo/commerce/order_plan'
import type { Shop } from '#database/demo/commerce/shop'

const FREE_SHIPPING_FROM = 7500
const SHIPPING = 899

const FULFILLMENT: Record<OrderSpec['status'], FulfillmentStatus> = {
  pending: 'pending',
  paid: 'submitted',
  in_production: 'in_production',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  refunded: 'failed',
}

/** When each step happened, never later than a few minutes ago. */
function timeline(spec: OrderSpec, now: DateTime) {
  const cap = (at: DateTime) => DateTime.min(at, now.minus({ minutes: 5 }))
  const reached = (status: OrderSpec['status']) => {
    const path = ['paid', 'in_production', 'shipped', 'delivered']
    return path.indexOf(spec.status) >= path.indexOf(status) || spec.status === 'refunded'
  }
  const paidAt = spec.status === 'pending' || spec.status === 'cancelled' ? null : cap(spec.placedAt.plus({ minutes: 4 }))
  const shippedAt = reached('shipped') ? cap(spec.placedAt.plus({ days: 4, hours: 3 })) : null
  const deliveredAt = reached('delivered') && shippedAt ? cap(shippedAt.plus({ days: 3, hours: 5 })) : null
  return {
    paidAt,
    shippedAt,
    deliveredAt,
    cancelledAt: spec.status === 'cancelled' ? cap(spec.placedAt.plus({ hours: 20 })) : null,
    refundedAt: spec.status === 'refunded' ? cap((deliveredAt ?? spec.placedAt).plus({ days: 2 })) : null,
  }
}

function totals(spec: OrderSpec, taxRateBps: number) {
  const subtotal = spec.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const discountAmount = spec.discountPercent
    ? Math.round((subtotal * spec.discountPercent) / 100)
    : Math.min(spec.discountFixed ?? 0, subtotal)
  const taxAmount = Math.round(((subtotal - discountAmount) * taxRateBps) / 10_000)
  const shippingAmount = subtotal - discountAmount >= FREE_SHIPPING_FROM ? 0 : SHIPPING
  const totalAmount = subtotal + taxAmount + shippingAmount - discountAmount
  return { subtotal, discountAmount, taxAmount, shippingAmount, totalAmount }
}

async function seedOrder(spec: OrderSpec, shop: Shop, now: DateTime, trx: TransactionClientContract) {
  const at = timeline(spec, now)
  const amounts = totals(spec, shop.taxRateBps)
  const name = spec.customer?.fullName ?? `Guest ${spec.key.slice(-3)}`
  const address = await addressFor(trx, spec.customer, `guest:${spec.key}`, name)
  const stripeId = spec.offline ? null : `pi_demo_${spec.key.replace(/\W+/g, '_')}`
  const order = await Order.create(
    {
      id: demoUuid(`commerce:${spec.key}`),
      userId: spec.customer?.id ?? null,
      customerEmail: spec.customer?.email ?? spec.guestEmail!,
      photoSessionId: spec.photoSessionId,
      status: spec.status,
      ...amounts,
      currency: shop.currency,
      shippingAddress: address,
      billingAddress: address,
      discountCodeId: spec.discountCodeId,
      providerPaymentId: at.paidAt ? stripeId : null,
      trackingNumbers: at.shippedAt ? [`1ZLOUPE${spec.key.slice(-4)}${spec.lines.length}`] : null,
      estimatedDelivery: at.shippedAt ? at.shippedAt.plus({ days: 5 }).startOf('day') : null,
      ...at,
      notes: spec.offline ? 'Paid at the front desk; collect in studio.' : null,
      createdAt: spec.placedAt,
      updatedAt: DateTime.max(spec.placedAt, ...Object.values(at).filter((d) => d !== null)),
    },
    { client: trx }
  )
  for (const [index, line] of spec.lines.entries()) {
    const provider = line.apparel || !line.printful ? 'in_house' : spec.gooten ? 'gooten' : 'printful'
    const status = FULFILLMENT[spec.status]
    await OrderItem.create(
      {
        orderId: order.id,
        productVariantId: line.productVariantId,
        photoId: line.photoId,
        artworkId: line.artworkId,
        photographerId: line.photographerId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        totalPrice: line.unitPrice * line.quantity,
        customization: line.apparel ? { text: 'ROCK ON' } : null,
        fulfillmentProvider: provider,
        providerOrderId: provider !== 'in_house' && at.paidAt ? `${provider}_demo_${spec.key.slice(-4)}_${index + 1}` : null,
        fulfillmentStatus: status,
        trackingNumber: order.trackingNumbers?.[0] ?? null,
        createdAt: spec.placedAt,
      },
      { client: trx }
    )
  }
  await seedOrderPayment(spec, order, at, stripeId, trx)
}

async function seedOrderPayment(
  spec: OrderSpec,
  order: Order,
  at: ReturnType<typeof timeline>,
  stripeId: string | null,
  trx: TransactionClientContract
) {
  const failed = spec.status === 'cancelled' && spec.failedAttempt
  if (!at.paidAt && !failed) return
  const processedAt = at.paidAt ?? spec.placedAt.plus({ minutes: 2 })
  await Payment.create(
    {
      userId: order.userId,
      orderId: order.id,
      amount: order.totalAmount,
      currency: order.currency,
      paymentType: 'product_purchase',
      method: spec.offline ? 'in_studio' : 'card',
      provider: spec.offline ? 'offline' : 'stripe',
      providerPaymentId: spec.offline ? null : (stripeId ?? `pi_demo_${spec.key.replace(/\W+/g, '_')}`),
      providerChargeId: spec.offline || failed ? null : `ch_demo_${spec.key.slice(-4)}`,
      idempotencyKey: `demo:${spec.key}:payment`,
      status: failed ? 'failed' : spec.status === 'refunded' ? 'refunded' : 'succeeded',
      failureCode: failed ? 'card_declined' : null,
      failureReason: failed ? 'Your card was declined.' : null,
      refundAmount: spec.status === 'refunded' ? order.totalAmount : 0,
      refundReason: spec.status === 'refunded' ? 'Prints arrived damaged; refunded in full.' : null,
      processedAt,
      createdAt: processedAt,
    },
    { client: trx }
  )
}

/** Each order with its lines and payment in one transaction; an order already there (same id) is skipped. */
export async function seedOrders(client: QueryClientContract, shop: Shop, count: number) {
  const now = DateTime.now().startOf('minute')
  const specs = planOrders(shop, count, now)
  const existing = new Set(
    (await Order.query({ client }).whereIn('id', specs.map((s) => demoUuid(`commerce:${s.key}`))).select('id')).map((o) => o.id)
  )
  for (const spec of specs) {
    if (existing.has(demoUuid(`commerce:${spec.key}`))) continue
    await client.transaction((trx) => seedOrder(spec, shop, now, trx))
  }
}
