import type { HttpContext } from '@adonisjs/core/http'
import GalleryPolicy from '#policies/gallery_policy'
import LoadPhotoPrint from '#actions/shop/load_photo_print'
import AddPhotoToCart from '#actions/shop/add_photo_to_cart'
import { addPhotoToCartValidator } from '#validators/cart'
import { notFound, openGallery } from '#controllers/site/gallery_access'
import { cartOwnerOf } from '#controllers/site/shop/cart_cookie'
import { refuseShortStock } from '#controllers/site/shop/stock_refusal'
import { trackVisit } from '#controllers/site/track_visit'

const REFUSALS = {
  not_for_sale: 'That print is not for sale any more: choose another.',
  too_many: 'That is more of one print than we take in one order: change the quantity in your cart.',
} as const

/** A print of a gallery photo: choose the product and size (with the crop it makes), then into the cart. */
export default class PhotoPrintsController {
  async show(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    await ctx.bouncer.with(GalleryPolicy).authorize('orderPrint', gallery, viewer.visitor)
    const print = (await LoadPhotoPrint.handle(gallery, ctx.params.photo_id)) ?? notFound(ctx)
    return ctx.view.render('pages/site/photo_prints/show', { gallery, ...print })
  }

  async store(ctx: HttpContext) {
    const { gallery, viewer } = await openGallery(ctx)
    await ctx.bouncer.with(GalleryPolicy).authorize('orderPrint', gallery, viewer.visitor)
    const input = await ctx.request.validateUsing(addPhotoToCartValidator)
    const result = await AddPhotoToCart.handle(ctx.actor, cartOwnerOf(ctx, true)!, gallery, { photoId: ctx.params.photo_id, ...input })
    if (!result.ok) {
      if (result.reason === 'not_found') notFound(ctx)
      if (result.reason === 'out_of_stock') return refuseShortStock(ctx, result)
      ctx.session.flash('error', REFUSALS[result.reason])
      return ctx.response.redirect().back()
    }
    trackVisit(ctx, 'add_to_cart', { type: 'Photo', id: ctx.params.photo_id })
    ctx.session.flash('success', 'Added to your cart.')
    return ctx.response.redirect().toRoute('cart.show')
  }
}
