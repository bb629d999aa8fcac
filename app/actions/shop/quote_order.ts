import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Cart from '#models/cart'
import DiscountCode from '#models/discount_code'
import Order from '#models/order'
import type StudioSetting from '#models/studio_setting'
import PriceCart, { type CartLine } from '#actions/shop/price_cart'
import { discountAmount, totalsOf, type Totals } from '#shop/pricing'
import {
  DEFAULT_SHIPPING_RATES,
  DEFAULT_TAX_RATES,
  shippingOptionsFor,
  taxRateFor,
  type ShippingMethod,
} from '#shop/rates'

export interface QuoteInput {
  email: string
  country: string
  region?: string | null
  shippingMethod?: ShippingMethod | null
  discountCode?: string | null
}

export type QuoteRefusal =
  | { reason: 'empty_cart' }
  | { reason: 'no_shipping' }
  | { reason: 'discount'; message: string }
  | { reason: 'out_of_stock'; lines: CartLine[] }

export interface Quote {
  lines: CartLine[]
  shippingOptions: { method: ShippingMethod; amount: number }[]
  shippingMethod: ShippingMethod
  discountCode: DiscountCode | null
  taxBps: number
  totals: Totals
}

/**
 * What the cart costs delivered to an address: lines at database prices, the shipping
 * method's rate for the parcel's heaviest class, the discount code's rules (window,
 * limits, minimum order, per customer), tax for the region. Refused while a line wants
 * more than its variant has left. Writes nothing.
 */
export default class QuoteOrder {
  static async handle(cart: Cart, settings: StudioSetting, input: QuoteInput, trx?: TransactionClientContract): Promise<{ ok: true; quote: Quote } | ({ ok: false } & QuoteRefusal)> {
    const { lines, short } = await PriceCart.handle(cart, trx)
    if (!lines.length) return { ok: false, reason: 'empty_cart' }
    if (short.length) return { ok: false, reason: 'out_of_stock', lines: short }

    const heaviest = lines.some((line) => line.weightClass === 'heavy') ? 'heavy' : 'light'
    const shippingOptions = shippingOptionsFor(settings.shopShippingRates ?? DEFAULT_SHIPPING_RATES, input.country, input.region, heaviest)
    if (!shippingOptions.length) return { ok: false, reason: 'no_shipping' }
    const chosen = shippingOptions.find((o) => o.method === input.shippingMethod) ?? shippingOptions[0]

    let code: DiscountCode | null = null
    let discount = 0
    if (input.discountCode) {
      const checked = await checkCode(input.discountCode, input.email, lines, trx)
      if (!checked.ok) return { ok: false, reason: 'discount', message: checked.message }
      code = checked.code
      discount = discountAmount(code, lines, chosen.amount)
    }
    const taxBps = taxRateFor(settings.shopTaxRates ?? DEFAULT_TAX_RATES, input.country, input.region)
    const totals = totalsOf(lines, { shipping: chosen.amount, taxBps, discount, discountOnShipping: code?.appliesTo === 'shipping' })
    return { ok: true, quote: { lines, shippingOptions, shippingMethod: chosen.method, discountCode: code, taxBps, totals } }
  }
}

async function checkCode(raw: string, email: string, lines: CartLine[], trx?: TransactionClientContract) {
  const code = await DiscountCode.query({ client: trx }).withScopes((s) => s.forCode(raw)).first()
  const refuse = (message: string) => ({ ok: false, message }) as const
  if (!code || !code.isRedeemable(DateTime.now())) return refuse('That code is not valid (or has expired)')
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  if (code.minOrderAmount && subtotal < code.minOrderAmount) {
    return refuse(`That code needs an order of at least ${(code.minOrderAmount / 100).toFixed(2)}`)
  }
  if (code.appliesTo === 'buy_x_get_y') {
    const units = lines.reduce((sum, line) => sum + line.quantity, 0)
    if (units < (code.buyQuantity ?? 1) + (code.getQuantity ?? 1)) {
      return refuse(`That code needs ${(code.buyQuantity ?? 1) + (code.getQuantity ?? 1)} prints in the cart`)
    }
  }
  if (code.maxPerCustomer) {
    const used = await Order.query({ client: trx })
      .where('discount_code_id', code.id)
      .where('customer_email', email.toLowerCase())
      .whereNot('status', 'cancelled')
      .count('* as total')
    if (Number(used[0].$extras.total) >= code.maxPerCustomer) return refuse('You have already used that code')
  }
  return { ok: true, code } as const
}
