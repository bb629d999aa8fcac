import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { orderSearchValidator } from '#validators/order'
import type { OrderFilters } from '#actions/shop/search_orders'

/** The list's and the export's filters, from the query string. */
export async function orderFiltersOf(ctx: HttpContext): Promise<OrderFilters & { page: number }> {
  const input = await orderSearchValidator.validate(ctx.request.qs())
  return {
    status: input.status,
    q: input.q,
    from: input.from ? DateTime.fromJSDate(input.from) : undefined,
    to: input.to ? DateTime.fromJSDate(input.to) : undefined,
    page: input.page ?? 1,
  }
}
