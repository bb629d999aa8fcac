import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { uuidMatcher } from '#services/http/route_ids'

const ArtworksController = () => import('#controllers/admin/catalogue/artworks_controller')
const CategoriesController = () => import('#controllers/admin/catalogue/categories_controller')
const PagesController = () => import('#controllers/admin/catalogue/pages_controller')
const PagePreviewsController = () => import('#controllers/admin/catalogue/page_previews_controller')
const DiscountCodesController = () => import('#controllers/admin/catalogue/discount_codes_controller')
const ProductsController = () => import('#controllers/admin/catalogue/products_controller')
const ProductImagesController = () => import('#controllers/admin/catalogue/product_images_controller')
const ArtworkArchivalsController = () => import('#controllers/admin/catalogue/artwork_archivals_controller')
const ArtworkPrintOptionsController = () => import('#controllers/admin/catalogue/artwork_print_options_controller')

/**
 * The catalogue's part of the one /admin group (start/routes/admin.ts calls this inside
 * it): artworks, categories, products and variants, discount codes, content pages. Admins only.
 */
export function catalogueAdminRoutes() {
  router
    .group(() => {
      // Multipart bodies (the picture) are parsed on the artwork store/update routes (config/bodyparser.ts).
      router.resource('artworks', ArtworksController).except(['show'])
      // Ordered artworks are archived (and restored), never deleted: destroy refuses them.
      router.post('/artworks/:artwork_id/archival', [ArtworkArchivalsController, 'store']).as('artwork_archivals.store')
      router.delete('/artworks/:artwork_id/archival', [ArtworkArchivalsController, 'destroy']).as('artwork_archivals.destroy')
      router.put('/artworks/:artwork_id/print-options', [ArtworkPrintOptionsController, 'update']).as('artwork_print_options.update')
      router.resource('categories', CategoriesController).except(['show'])
      router.resource('discount-codes', DiscountCodesController).except(['show', 'destroy']).as('discount_codes')
      router.resource('products', ProductsController).except(['show', 'destroy'])
      router.resource('products.images', ProductImagesController).only(['index', 'store', 'update', 'destroy'])
      router.resource('pages', PagesController).except(['show', 'destroy'])
      router.post('/page-previews', [PagePreviewsController, 'store']).as('page_previews.store')
    })
    .where('artwork_id', uuidMatcher)
    .where('product_id', uuidMatcher)
    .use(middleware.area({ ability: 'enterAdmin' }))
}
