import type DiscountCode from '#models/discount_code'

/** One cart line, its unit price read from the database (never from a form). */
export interface PricedLine {
  key: string
  unitPrice: number
  quantity: number
}

export interface Totals {
  subtotal: number
  discount: number
  shipping: number
  tax: number
  total: number
}

/**
 * What a discount takes off, in cents. `order` codes come off the merchandise, `shipping`
 * codes off the shipping, `buy_x_get_y` codes off the cheapest units: with buy 2 get 1,
 * in every three units (dearest first) the third is discounted by the code's amount.
 */
export function discountAmount(code: Pick<DiscountCode, 'kind' | 'amount' | 'appliesTo' | 'buyQuantity' | 'getQuantity'>, lines: PricedLine[], shipping: number) {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const off = (base: number) => Math.min(base, code.kind === 'percent' ? Math.round((base * code.amount) / 100) : code.amount)
  if (code.appliesTo === 'shipping') return off(shipping)
  if (code.appliesTo === 'buy_x_get_y') {
    const buy = code.buyQuantity ?? 1
    const get = code.getQuantity ?? 1
    const units = lines.flatMap((line) => Array.from({ length: line.quantity }, () => line.unitPrice)).sort((a, b) => b - a)
    let total = 0
    for (let start = 0; start + buy + get <= units.length; start += buy + get) {
      for (const unit of units.slice(start + buy, start + buy + get)) total += off(unit)
    }
    return total
  }
  return off(subtotal)
}

/**
 * The order's totals. Tax is on the merchandise after an order discount (shipping is not
 * taxed); everything is whole cents, rounded half up once per order.
 */
export function totalsOf(lines: PricedLine[], options: { shipping: number; taxBps: number; discount: number; discountOnShipping: boolean }): Totals {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
  const merchandiseDiscount = options.discountOnShipping ? 0 : Math.min(options.discount, subtotal)
  const shippingDiscount = options.discountOnShipping ? Math.min(options.discount, options.shipping) : 0
  const tax = Math.round(((subtotal - merchandiseDiscount) * options.taxBps) / 10_000)
  const discount = merchandiseDiscount + shippingDiscount
  return { subtotal, discount, shipping: options.shipping, tax, total: subtotal - discount + options.shipping + tax }
}
