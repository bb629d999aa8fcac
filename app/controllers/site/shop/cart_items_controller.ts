import type { HttpContext } from '@adonisjs/core/http'
import AddToCart from '#actions/shop/add_to_cart'
import ChangeCartItem from '#actions/shop/change_cart_item'
import { addToCartValidator, cartItemQuantityValidator } from '#validators/cart'
import { cartOwnerOf } from '#controllers/site/shop/cart_cookie'
import { refuseShortStock } from '#controllers/site/shop/stock_refusal'
import { trackVisit } from '#controllers/site/track_visit'

const REFUSALS = {
  not_for_sale: 'That print is not for sale any more.',
  too_many: 'That is more of one print than we take in one order: change the quantity in your cart.',
} as const

/** Lines of the cart: add a print, change a quantity, take a line out. */
export default class CartItemsController {
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(addToCartValidator)
    const result = await AddToCart.handle(ctx.actor, cartOwnerOf(ctx, true)!, input)
    if (!result.ok) {
      if (result.reason === 'out_of_stock') return refuseShortStock(ctx, result)
      ctx.session.flash('error', REFUSALS[result.reason])
      return ctx.response.redirect().back()
    }
    trackVisit(ctx, 'add_to_cart', { type: 'ArtworkPrintOption', id: input.printOptionId })
    ctx.session.flash('success', 'Added to your cart.')
    return ctx.response.redirect().toRoute('cart.show')
  }

  async update(ctx: HttpContext) {
    const { quantity } = await ctx.request.validateUsing(cartItemQuantityValidator)
    return this.change(ctx, quantity)
  }

  async destroy(ctx: HttpContext) {
    return this.change(ctx, 0)
  }

  private async change(ctx: HttpContext, quantity: number) {
    const owner = cartOwnerOf(ctx)
    if (!owner || !(await ChangeCartItem.handle(ctx.actor, owner, ctx.params.id, quantity))) return ctx.response.notFound()
    return ctx.response.redirect().toRoute('cart.show')
  }
}
