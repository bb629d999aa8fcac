import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import { ordersMatching } from '#actions/shop/search_orders'
import { orderFiltersOf } from '#controllers/admin/shop/order_filters'

const HEADER = ['order_number', 'placed_at', 'status', 'email', 'items', 'subtotal', 'discount', 'shipping', 'tax', 'total', 'currency', 'country', 'tracking']

/** A spreadsheet cell: quoted, and never read as a formula (=, +, -, @ lead with a quote). */
function cell(value: string | number | null | undefined) {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

const money = (cents: number) => (cents / 100).toFixed(2)

/** The filtered order list as CSV, amounts in the currency's units. */
export default class OrderExportsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(OrderPolicy).authorize('manage')
    const { page: _page, ...filters } = await orderFiltersOf(ctx)
    const orders = await ordersMatching(filters).preload('items')
    const rows = orders.map((o) =>
      [
        o.orderNumber,
        o.createdAt.toISO(),
        o.status,
        o.customerEmail,
        o.items.reduce((sum, item) => sum + item.quantity, 0),
        money(o.subtotal),
        money(o.discountAmount),
        money(o.shippingAmount),
        money(o.taxAmount),
        money(o.totalAmount),
        o.currency,
        o.shippingAddress?.country ?? '',
        (o.trackingNumbers ?? []).join(' '),
      ]
        .map(cell)
        .join(',')
    )
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', 'attachment; filename="orders.csv"')
    return [HEADER.join(','), ...rows].join('\r\n') + '\r\n'
  }
}
