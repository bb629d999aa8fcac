import type { DateTime } from 'luxon'
import Order, { type OrderStatus } from '#models/order'

export interface OrderFilters {
  status?: OrderStatus
  q?: string
  from?: DateTime
  to?: DateTime
}

/** The admin list's query: newest first, by status, number or email, placed between two days. */
export function ordersMatching(filters: OrderFilters) {
  return Order.query()
    .if(filters.status, (q) => q.where('status', filters.status!))
    .if(filters.q, (q) => {
      const term = `%${filters.q!.toLowerCase()}%`
      q.where((w) => w.whereRaw('lower(order_number) like ?', [term]).orWhereRaw('lower(customer_email) like ?', [term]))
    })
    .if(filters.from && filters.to, (q) => q.withScopes((s) => s.placedBetween(filters.from!.startOf('day'), filters.to!.endOf('day'))))
    .if(filters.from && !filters.to, (q) => q.withScopes((s) => s.placedBetween(filters.from!.startOf('day'), filters.from!.plus({ years: 100 }))))
    .orderBy('created_at', 'desc')
    .orderBy('id')
}
