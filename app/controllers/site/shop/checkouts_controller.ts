import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import PlaceOrder from '#actions/shop/place_order'
import PriceCart from '#actions/shop/price_cart'
import ConfirmOrder, { orderUrl } from '#actions/shop/confirm_order'
import StudioSetting from '#models/studio_setting'
import { cartQuery } from '#shop/cart_owner'
import { COUNTRIES } from '#shop/addresses'
import { shortLineMessage } from '#shop/stock'
import { checkoutValidator } from '#validators/checkout'
import { cartOwnerOf } from '#controllers/site/shop/cart_cookie'
import { flashFieldError } from '#controllers/site/flash_field_error'
import { trackVisit } from '#controllers/site/track_visit'

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).map(([value, rule]) => ({ value, label: rule.name }))

/**
 * Checkout in two steps on one form: the address, method and code give a quote (the
 * totals as we compute them), then "Place order" places it at exactly that total.
 */
export default class CheckoutsController {
  async create(ctx: HttpContext) {
    const owner = cartOwnerOf(ctx)
    const cart = owner ? await cartQuery(owner).preload('items').first() : null
    if (!cart?.items.length) return ctx.response.redirect().toRoute('cart.show')
    const { short } = await PriceCart.handle(cart)
    ctx.response.header('Cache-Control', 'private, no-store')
    trackVisit(ctx, 'checkout_started')
    const form = { checkoutKey: randomUUID(), email: ctx.auth.user?.email ?? '', country: 'US' }
    return ctx.view.render('pages/site/checkouts/create', { form, quote: null, short: short.map(shortLineMessage), countries: COUNTRY_OPTIONS, studio: await StudioSetting.current() })
  }

  async store(ctx: HttpContext) {
    const { email, shippingMethod, discountCode, expectedTotal, checkoutKey, ...address } = await ctx.request.validateUsing(checkoutValidator)
    const owner = cartOwnerOf(ctx)
    if (!owner) return ctx.response.redirect().toRoute('cart.show')
    const result = await PlaceOrder.handle(ctx.actor, owner, { email, address, shippingMethod, discountCode, expectedTotal, checkoutKey })
    if (result.ok) {
      if (!result.replayed) trackVisit(ctx, 'purchase', { type: 'Order', id: result.order.id })
      const start = result.replayed ? null : await ConfirmOrder.handle(result.order, result.payment, address.name)
      if (start?.kind === 'redirect') return ctx.response.redirect(start.url)
      return ctx.response.redirect(orderUrl(result.order))
    }
    switch (result.reason) {
      case 'confirm_total': {
        ctx.response.header('Cache-Control', 'private, no-store')
        const form = { email, shippingMethod: result.quote.shippingMethod, discountCode, checkoutKey, ...address }
        return ctx.view.render('pages/site/checkouts/create', {
          form,
          quote: result.quote,
          short: [],
          changed: result.changed,
          countries: COUNTRY_OPTIONS,
          studio: await StudioSetting.current(),
        })
      }
      case 'address':
        return this.refuse(ctx, result.problems[0].field, result.problems[0].message)
      case 'discount':
        return this.refuse(ctx, 'discountCode', result.message)
      case 'out_of_stock':
        return this.refuse(ctx, 'cart', `Some prints ran short since you added them (${result.lines.map(shortLineMessage).join('; ')}): change your cart to check out.`)
      case 'no_shipping':
        return this.refuse(ctx, 'country', 'We do not ship there yet')
      case 'empty_cart':
        return ctx.response.redirect().toRoute('cart.show')
    }
  }

  private refuse(ctx: HttpContext, field: string, message: string) {
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.unprocessableEntity({ errors: [{ field, message }] })
    }
    flashFieldError(ctx, field, message)
    return ctx.response.redirect().toRoute('checkout.create')
  }
}
