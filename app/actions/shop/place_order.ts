import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Order, { type AddressSnapshot } from '#models/order'
import OrderItem, { type FulfillmentProvider } from '#models/order_item'
import Payment from '#models/payment'
import type ProductVariant from '#models/product_variant'
import StudioSetting from '#models/studio_setting'
import QuoteOrder, { type Quote, type QuoteRefusal } from '#actions/shop/quote_order'
import { takeStock } from '#actions/shop/take_stock'
import type { Actor } from '#support/actor'
import { cartQuery, type CartOwner } from '#shop/cart_owner'
import { addressProblems, type AddressProblem } from '#shop/addresses'
import type { ShippingMethod } from '#shop/rates'
import { paymentGateway } from '#services/payments/gateway'

export interface CheckoutInput {
  email: string
  address: AddressSnapshot
  shippingMethod?: ShippingMethod | null
  discountCode?: string | null
  /** The total the customer saw and confirmed; the order is placed only at that total. */
  expectedTotal?: number | null
  /** One per checkout form: a second submit finds the first order. */
  checkoutKey: string
}

export type PlaceOrderResult =
  | { ok: true; order: Order; payment: Payment; replayed: boolean }
  | { ok: false; reason: 'address'; problems: AddressProblem[] }
  | { ok: false; reason: 'confirm_total'; quote: Quote; changed: boolean }
  | ({ ok: false } & QuoteRefusal)

/** Which lab prints a variant: the provider it has an id at, else the studio itself. */
export function providerOf(variant: ProductVariant): FulfillmentProvider {
  if (variant.printfulVariantId) return 'printful'
  if (variant.gootenVariantId) return 'gooten'
  return 'in_house'
}

/**
 * Turns the cart into an order at prices from the database: totals recomputed here, and
 * placed only if they are the ones the customer confirmed. One transaction writes the
 * order, its lines and the pending payment, takes stocked variants' units and counts the
 * discount code's use (conditional updates: the last print or use can't be taken twice;
 * a line short of stock refuses the whole order) and empties the cart. StartPayment runs
 * after the commit (see CompleteCheckout).
 */
export default class PlaceOrder {
  static async handle(actor: Actor, owner: CartOwner, input: CheckoutInput): Promise<PlaceOrderResult> {
    const problems = addressProblems(input.address)
    if (problems.length) return { ok: false, reason: 'address', problems }
    const email = input.email.toLowerCase()
    const settings = await StudioSetting.current()

    return db.transaction(async (trx) => {
      const previous = await Order.query({ client: trx }).where('checkout_key', input.checkoutKey).preload('payments').first()
      if (previous) return { ok: true, order: previous, payment: previous.payments[0], replayed: true } as const

      const cart = await cartQuery(owner, trx).forUpdate().first()
      if (!cart) return { ok: false, reason: 'empty_cart' } as const
      const quoted = await QuoteOrder.handle(cart, settings, { ...input.address, email, shippingMethod: input.shippingMethod, discountCode: input.discountCode }, trx)
      if (!quoted.ok) return quoted
      const { quote } = quoted
      if (input.expectedTotal !== quote.totals.total) {
        return { ok: false, reason: 'confirm_total', quote, changed: input.expectedTotal !== null && input.expectedTotal !== undefined } as const
      }
      if (quote.discountCode) {
        quote.discountCode.useTransaction(trx)
        if (!(await quote.discountCode.redeem())) return { ok: false, reason: 'discount', message: 'That code has just been used up' } as const
      }
      // Last of the writes that can fail: a refusal rolls back the code's use with the stock taken.
      const short = await takeStock(quote.lines, trx)
      if (short.length) {
        await trx.rollback()
        return { ok: false, reason: 'out_of_stock', lines: short } as const
      }

      const now = DateTime.now()
      const order = await Order.create(
        {
          userId: actor.userId,
          customerEmail: email,
          status: 'pending',
          subtotal: quote.totals.subtotal,
          discountAmount: quote.totals.discount,
          shippingAmount: quote.totals.shipping,
          taxAmount: quote.totals.tax,
          totalAmount: quote.totals.total,
          currency: settings.currency,
          shippingAddress: { ...input.address, country: input.address.country.toUpperCase(), region: input.address.region?.toUpperCase() ?? null },
          discountCodeId: quote.discountCode?.id ?? null,
          shippingMethod: quote.shippingMethod,
          checkoutKey: input.checkoutKey,
          reviewEndsAt: now.plus({ minutes: settings.orderReviewMinutes }),
        },
        { client: trx }
      )
      for (const line of quote.lines) {
        const variant = line.item.productVariant
        await OrderItem.create(
          {
            orderId: order.id,
            productVariantId: variant.id,
            artworkId: line.item.artworkId,
            photoId: line.item.photoId,
            photographerId: line.item.artwork?.photographerId ?? null,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            totalPrice: line.unitPrice * line.quantity,
            customization: line.item.customization,
            fulfillmentProvider: providerOf(variant),
            fulfillmentStatus: 'pending',
          },
          { client: trx }
        )
      }
      const gateway = paymentGateway()
      const payment = await Payment.create(
        {
          userId: actor.userId,
          orderId: order.id,
          amount: quote.totals.total,
          currency: settings.currency,
          paymentType: 'product_purchase',
          method: gateway.method,
          provider: gateway.provider as Payment['provider'],
          idempotencyKey: `order:${order.id}`,
          status: 'pending',
          refundAmount: 0,
        },
        { client: trx }
      )
      await cart.related('items').query().delete()
      return { ok: true, order, payment, replayed: false } as const
    })
  }
}
