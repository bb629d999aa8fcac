import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import { browseShop, showShopProduct } from '#actions/shop/shop_catalogue'
import { PUBLIC_MAX_AGE, servePublicPage } from '#support/http/public_cache'
import { absoluteUrl, productJsonLd } from '#services/site/structured_data'

const notFound = (ctx: HttpContext) => new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])

/** The print shop: what a photo can be printed on (`?category=slug`), and each product's page. */
export default class ProductsController {
  async index(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.shop, async () => {
      const slug = ctx.request.qs().category
      const shop = await browseShop(typeof slug === 'string' ? slug : undefined)
      if (!shop) throw notFound(ctx)
      const meta = {
        description: 'Prints, canvas, metal and more, made from any photograph in the portfolio or your own gallery.',
        canonical: absoluteUrl('shop_products.index', {}, shop.current ? { category: shop.current.slug } : undefined),
      }
      const html = await ctx.view.render('pages/site/shop/index', { ...shop, meta })
      return { html, visit: { name: 'page_view' } }
    })
  }

  async show(ctx: HttpContext) {
    return servePublicPage(ctx, PUBLIC_MAX_AGE.product, async () => {
      const page = await showShopProduct(String(ctx.params.slug))
      if (!page) throw notFound(ctx)
      const { product, images, studio } = page
      const imageUrls = images.map((image) => absoluteUrl('product_images.show', { id: image.assetId, variant: 'preview' }))
      const meta = {
        description: product.shortDescription ?? product.description ?? `${product.name} from Loupe Studio.`,
        canonical: absoluteUrl('shop_products.show', { slug: product.slug }),
        image: imageUrls[0] ?? null,
        type: 'product',
        jsonLd: productJsonLd(product, imageUrls, studio.name, studio.currency),
      }
      const html = await ctx.view.render('pages/site/shop/show', { ...page, meta })
      return { html, visit: { name: 'page_view' } }
    })
  }
}
