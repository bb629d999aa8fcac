import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductImage from '#models/product_image'
import CataloguePolicy from '#policies/catalogue_policy'
import AddProductImage from '#actions/catalogue/add_product_image'
import UpdateProductImage from '#actions/catalogue/update_product_image'
import RemoveProductImage from '#actions/catalogue/remove_product_image'
import { productImageValidator } from '#validators/product_image'
import { findByRouteId, isUuid, notFound } from '#services/http/route_ids'
import { mediaUrl } from '#services/media/media_urls'
import { flashFieldError } from '#controllers/site/flash_field_error'

/**
 * A product's images on its edit page: the uploader posts one file per request (JSON, its
 * own progress and error), then asks for the list again (index, the fragment the page includes).
 */
export default class ProductImagesController {
  async index(ctx: HttpContext) {
    const product = await this.load(ctx)
    return ctx.view.render('pages/admin/products/_images_list', await productImagesView(product))
  }

  async store(ctx: HttpContext) {
    const product = await this.load(ctx)
    const wantsJson = ctx.request.accepts(['html', 'json']) === 'json'
    const file = ctx.request.file('file')
    const result = file ? await AddProductImage.handle(ctx.actor, product, file) : { ok: false as const, message: 'Choose an image to upload.' }
    if (!result.ok) {
      if (wantsJson) return ctx.response.unprocessableEntity({ errors: [{ field: 'file', message: result.message }] })
      flashFieldError(ctx, 'file', result.message)
      return ctx.response.redirect().back()
    }
    if (wantsJson) return ctx.response.created({ ok: true, image: { id: result.image.id } })
    ctx.session.flash('success', 'The image is uploaded: its sizes are being made.')
    return ctx.response.redirect().status(303).toRoute('admin.products.edit', { id: product.id })
  }

  async update(ctx: HttpContext) {
    const product = await this.load(ctx)
    const image = await this.imageOf(product, ctx.params.id)
    await UpdateProductImage.handle(ctx.actor, image, await ctx.request.validateUsing(productImageValidator))
    ctx.session.flash('success', 'The image is saved.')
    return ctx.response.redirect().status(303).toRoute('admin.products.edit', { id: product.id })
  }

  async destroy(ctx: HttpContext) {
    const product = await this.load(ctx)
    await RemoveProductImage.handle(ctx.actor, await this.imageOf(product, ctx.params.id))
    ctx.session.flash('success', 'The image is removed.')
    return ctx.response.redirect().status(303).toRoute('admin.products.edit', { id: product.id })
  }

  private async load(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    return findByRouteId(Product, ctx.params.product_id)
  }

  private async imageOf(product: Product, id: unknown) {
    if (!isUuid(id)) notFound(ProductImage)
    return ProductImage.query().where('product_id', product.id).where('id', id).firstOrFail()
  }
}

/** What the images section shows: each image in order with its studio thumbnail once processed. */
export async function productImagesView(product: Product) {
  const images = await ProductImage.query().where('product_id', product.id).preload('mediaAsset').orderBy('position').orderBy('created_at')
  const thumbs = Object.fromEntries(images.filter((i) => i.mediaAsset?.status === 'ready').map((i) => [i.id, mediaUrl(i.mediaAssetId, 'thumb', 'studio')]))
  const processing = images.some((i) => i.mediaAsset?.status === 'processing')
  return { product, images, thumbs, processing }
}
