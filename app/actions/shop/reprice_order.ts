import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Order from '#models/order'
import type OrderItem from '#models/order_item'
import DiscountCode from '#models/discount_code'
import type StudioSetting from '#models/studio_setting'
import { discountAmount, totalsOf, type PricedLine, type Totals } from '#shop/pricing'
import { DEFAULT_SHIPPING_RATES, DEFAULT_TAX_RATES, shippingOptionsFor, taxRateFor, weightClassOf } from '#shop/rates'

export interface OrderLine {
  /** Needs productVariant.product loaded (the parcel's weight class). */
  item: OrderItem
  quantity: number
}

/**
 * An order's totals for new quantities, by checkout's rules (QuoteOrder) at the unit prices
 * the customer agreed to: the order's shipping method for the parcel's heaviest class (the
 * amount charged if the method no longer ships there), its discount code (none below the
 * code's minimum order), tax for the shipping address.
 */
export async function repriceOrder(order: Order, lines: OrderLine[], settings: StudioSetting, trx?: TransactionClientContract): Promise<Totals> {
  const priced: PricedLine[] = lines.map(({ item, quantity }) => ({ key: item.id, unitPrice: item.unitPrice, quantity }))
  const subtotal = priced.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const address = order.shippingAddress
  const heaviest = lines.some(({ item }) => weightClassOf(item.productVariant.product.category) === 'heavy') ? 'heavy' : 'light'
  const options = address ? shippingOptionsFor(settings.shopShippingRates ?? DEFAULT_SHIPPING_RATES, address.country, address.region, heaviest) : []
  const shipping = options.find((option) => option.method === order.shippingMethod)?.amount ?? order.shippingAmount

  const code = order.discountCodeId ? await DiscountCode.find(order.discountCodeId, { client: trx }) : null
  const applies = !!code && !(code.minOrderAmount && subtotal < code.minOrderAmount)
  const discount = applies ? discountAmount(code, priced, shipping) : 0
  const taxBps = address ? taxRateFor(settings.shopTaxRates ?? DEFAULT_TAX_RATES, address.country, address.region) : 0
  return totalsOf(priced, { shipping, taxBps, discount, discountOnShipping: applies && code.appliesTo === 'shipping' })
}
