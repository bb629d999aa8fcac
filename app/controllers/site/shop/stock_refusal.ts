import type { HttpContext } from '@adonisjs/core/http'
import type { StockShortfall } from '#actions/shop/cart_stock'
import { stockMessage } from '#shop/stock'
import { flashFieldError } from '#controllers/site/flash_field_error'

/** "Only 2 left" / "Sold out" beside the quantity of the add-to-cart form (422 for JSON). */
export function refuseShortStock(ctx: HttpContext, short: StockShortfall) {
  const message = stockMessage(short.left, short.inCart)
  if (ctx.request.accepts(['html', 'json']) === 'json') {
    return ctx.response.unprocessableEntity({ errors: [{ field: 'quantity', message }] })
  }
  flashFieldError(ctx, 'quantity', message)
  return ctx.response.redirect().back()
}
