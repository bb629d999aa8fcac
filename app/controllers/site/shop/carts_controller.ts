import type { HttpContext } from '@adonisjs/core/http'
import PriceCart from '#actions/shop/price_cart'
import StudioSetting from '#models/studio_setting'
import { cartQuery } from '#shop/cart_owner'
import { cartOwnerOf } from '#controllers/site/shop/cart_cookie'
import { stockMessage } from '#shop/stock'

/** The cart page: lines at today's prices (and any now short of stock), quantities, the way to checkout. */
export default class CartsController {
  async show(ctx: HttpContext) {
    const owner = cartOwnerOf(ctx)
    const cart = owner ? await cartQuery(owner).first() : null
    const { lines, unavailable, short } = cart ? await PriceCart.handle(cart) : { lines: [], unavailable: [], short: [] }
    const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
    ctx.response.header('Cache-Control', 'private, no-store')
    return ctx.view.render('pages/site/carts/show', { lines, unavailable, short, stockMessage, subtotal, studio: await StudioSetting.current() })
  }
}
