import router from '@adonisjs/core/services/router'
import { contactFormThrottle } from '#start/limiter'
import { uuidMatcher } from '#services/http/route_ids'

const HomeController = () => import('#controllers/site/home_controller')
const PortfolioController = () => import('#controllers/site/portfolio_controller')
const ArtworksController = () => import('#controllers/site/artworks_controller')
const ArtworkImagesController = () => import('#controllers/site/artwork_images_controller')
const ProductImagesController = () => import('#controllers/site/product_images_controller')
const StudioLogosController = () => import('#controllers/site/studio_logos_controller')
const PagesController = () => import('#controllers/site/pages_controller')
const PhotographersController = () => import('#controllers/site/photographers_controller')
const InquiriesController = () => import('#controllers/site/inquiries_controller')
const SitemapsController = () => import('#controllers/site/sitemaps_controller')
const RobotsController = () => import('#controllers/site/robots_controller')

router.get('/', [HomeController, 'show']).as('home')
router.get('/portfolio', [PortfolioController, 'index']).as('portfolio.index')
router.get('/artworks/:slug', [ArtworksController, 'show']).as('artworks.show')
router.get('/artwork-images/:id/:variant', [ArtworkImagesController, 'show']).as('artwork_images.show')
router.get('/product-images/:id/:variant', [ProductImagesController, 'show']).as('product_images.show').where('id', uuidMatcher)
router.get('/studio-logo/:id', [StudioLogosController, 'show']).as('studio_logos.show')
router.get('/pages/:slug', [PagesController, 'show']).as('pages.show')
router.get('/photographers/:slug', [PhotographersController, 'show']).as('photographers.show')
router.get('/contact', [InquiriesController, 'create']).as('inquiries.create')
router.post('/contact', [InquiriesController, 'store']).as('inquiries.store').use(contactFormThrottle)
router.get('/sitemap.xml', [SitemapsController, 'show']).as('sitemap.show')
router.get('/robots.txt', [RobotsController, 'show']).as('robots.show')

const ProductsController = () => import('#controllers/site/shop/products_controller')
router.get('/shop', [ProductsController, 'index']).as('shop_products.index')
router.get('/shop/:slug', [ProductsController, 'show']).as('shop_products.show')

const CartsController = () => import('#controllers/site/shop/carts_controller')
const CartItemsController = () => import('#controllers/site/shop/cart_items_controller')
const CheckoutsController = () => import('#controllers/site/shop/checkouts_controller')
const OrdersController = () => import('#controllers/site/shop/orders_controller')
const BalancePaymentsController = () => import('#controllers/site/balance_payments_controller')
const OrderCancellationsController = () => import('#controllers/site/shop/order_cancellations_controller')
const OrderReordersController = () => import('#controllers/site/shop/order_reorders_controller')
const InvoicesController = () => import('#controllers/site/shop/invoices_controller')
const InvoicePdfsController = () => import('#controllers/site/shop/invoice_pdfs_controller')

router.get('/cart', [CartsController, 'show']).as('cart.show')
router.post('/cart/items', [CartItemsController, 'store']).as('cart_items.store')
router.put('/cart/items/:id', [CartItemsController, 'update']).as('cart_items.update')
router.delete('/cart/items/:id', [CartItemsController, 'destroy']).as('cart_items.destroy')
router.get('/checkout', [CheckoutsController, 'create']).as('checkout.create')
router.post('/checkout', [CheckoutsController, 'store']).as('checkout.store')
router.get('/orders/:id', [OrdersController, 'show']).as('orders.show')
// A pay-by-link from the front desk (signed, 7 days): the session's balance through the payment gateway.
router.get('/sessions/:session_id/balance-payment', [BalancePaymentsController, 'create']).as('balance_payments.create').where('session_id', uuidMatcher)
router.post('/sessions/:session_id/balance-payment', [BalancePaymentsController, 'store']).as('balance_payments.store').where('session_id', uuidMatcher)
router.post('/orders/:order_id/cancellation', [OrderCancellationsController, 'store']).as('order_cancellations.store').where('order_id', uuidMatcher)
router.post('/orders/:order_id/reorder', [OrderReordersController, 'store']).as('order_reorders.store').where('order_id', uuidMatcher)
// A shop order's invoice for its guest (signed link; accounts use the portal's).
router.get('/invoices/:id', [InvoicesController, 'show']).as('invoices.show').where('id', uuidMatcher)
router.get('/invoices/:invoice_id/pdf', [InvoicePdfsController, 'show']).as('invoice_pdfs.show').where('invoice_id', uuidMatcher)

const PrintFilesController = () => import('#controllers/site/shop/print_files_controller')
router.get('/print-files/:item_id', [PrintFilesController, 'show']).as('print_files.show').where('item_id', uuidMatcher)

const PrintfulWebhooksController = () => import('#controllers/webhooks/printful_webhooks_controller')
router.post('/webhooks/printful', [PrintfulWebhooksController, 'store']).as('printful_webhooks.store')
