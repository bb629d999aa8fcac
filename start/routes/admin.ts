/*
| /admin: one group (signed in), with a subgroup per area ability. Record-level rules
| are policies': GalleryPolicy lets a photographer manage only the galleries of their own
| photo sessions, and front-desk staff read access logs.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { bookingAdminRoutes } from '#start/routes/admin_booking'
import { shopAdminRoutes } from '#start/routes/admin_shop'
import { paymentsAdminRoutes } from '#start/routes/admin_payments'
import { catalogueAdminRoutes } from '#start/routes/admin_catalogue'

const DashboardController = () => import('#controllers/admin/dashboard_controller')
const UsersController = () => import('#controllers/admin/users_controller')
const UserDeactivationsController = () => import('#controllers/admin/user_deactivations_controller')
const AuditLogsController = () => import('#controllers/admin/audit_logs_controller')
const EmailLogsController = () => import('#controllers/admin/email_logs_controller')
const CommandRunsController = () => import('#controllers/admin/command_runs_controller')
const GalleriesController = () => import('#controllers/admin/galleries_controller')
const GalleryPublicationsController = () => import('#controllers/admin/gallery_publications_controller')
const GalleryExtensionsController = () => import('#controllers/admin/gallery_extensions_controller')
const GalleryPhotosController = () => import('#controllers/admin/gallery_photos_controller')
const GalleryPhotoOrdersController = () => import('#controllers/admin/gallery_photo_orders_controller')
const GalleryCoversController = () => import('#controllers/admin/gallery_covers_controller')
const PhotoReprocessingsController = () => import('#controllers/admin/photo_reprocessings_controller')
const GalleryProcessingsController = () => import('#controllers/admin/gallery_processings_controller')
const GalleryAccessLogsController = () => import('#controllers/admin/gallery_access_logs_controller')
const KioskDevicesController = () => import('#controllers/admin/kiosk_devices_controller')
const WatermarksController = () => import('#controllers/admin/watermarks_controller')
const WatermarkPreviewsController = () => import('#controllers/admin/watermark_previews_controller')
const BrandingsController = () => import('#controllers/admin/brandings_controller')
const GallerySelectionEditingsController = () => import('#controllers/admin/gallery_selection_editings_controller')
const GallerySelectionLocksController = () => import('#controllers/admin/gallery_selection_locks_controller')
const KioskDeviceRevocationsController = () => import('#controllers/admin/kiosk_device_revocations_controller')

router
  .group(() => {
    // Admins only.
    router
      .group(() => {
        router.get('/', [DashboardController, 'show']).as('dashboard')
        router.resource('users', UsersController).except(['destroy', 'show'])
        router.post('/users/:user_id/deactivation', [UserDeactivationsController, 'store']).as('user_deactivations.store')
        router.delete('/users/:user_id/deactivation', [UserDeactivationsController, 'destroy']).as('user_deactivations.destroy')
        router.get('/audit-logs', [AuditLogsController, 'index']).as('audit_logs.index')
        router.get('/email-logs', [EmailLogsController, 'index']).as('email_logs.index')
        router.get('/email-logs/:id', [EmailLogsController, 'show']).as('email_logs.show')
        router.get('/command-runs', [CommandRunsController, 'index']).as('command_runs.index')
        router.get('/kiosk-devices', [KioskDevicesController, 'index']).as('kiosk_devices.index')
        router.post('/kiosk-devices', [KioskDevicesController, 'store']).as('kiosk_devices.store')
        router.post('/kiosk-devices/:id/revocation', [KioskDeviceRevocationsController, 'store']).as('kiosk_device_revocations.store')
        router.get('/watermark', [WatermarksController, 'show']).as('watermark.show')
        router.put('/watermark', [WatermarksController, 'update']).as('watermark.update')
        router.get('/watermark/preview', [WatermarkPreviewsController, 'show']).as('watermark_preview.show')
        router.get('/branding', [BrandingsController, 'show']).as('branding.show')
        router.put('/branding', [BrandingsController, 'update']).as('branding.update')
      })
      .use(middleware.area({ ability: 'enterAdmin' }))

    // Gallery management: admins and photographers (each photographer their own sessions' galleries).
    router
      .group(() => {
        router.resource('galleries', GalleriesController)
        // Publishing is a resource of its own: store publishes, destroy unpublishes.
        router.post('/galleries/:gallery_id/publication', [GalleryPublicationsController, 'store']).as('gallery_publications.store')
        router.delete('/galleries/:gallery_id/publication', [GalleryPublicationsController, 'destroy']).as('gallery_publications.destroy')
        router.post('/galleries/:gallery_id/extensions', [GalleryExtensionsController, 'store']).as('gallery_extensions.store')
        router.post('/galleries/:gallery_id/selection-editing', [GallerySelectionEditingsController, 'store']).as('gallery_selection_editings.store')
        router.delete('/galleries/:gallery_id/selection-lock', [GallerySelectionLocksController, 'destroy']).as('gallery_selection_locks.destroy')
        router.get('/galleries/:gallery_id/photos', [GalleryPhotosController, 'index']).as('gallery_photos.index')
        // Multipart bodies are parsed on this route (by path) alone.
        router.post('/galleries/:gallery_id/photos', [GalleryPhotosController, 'store']).as('gallery_photos.store')
        router.patch('/galleries/:gallery_id/photos/:id', [GalleryPhotosController, 'update']).as('gallery_photos.update')
        router.delete('/galleries/:gallery_id/photos/:id', [GalleryPhotosController, 'destroy']).as('gallery_photos.destroy')
        router.put('/galleries/:gallery_id/photo-order', [GalleryPhotoOrdersController, 'update']).as('gallery_photo_orders.update')
        router.post('/galleries/:gallery_id/cover', [GalleryCoversController, 'store']).as('gallery_covers.store')
        router.post('/galleries/:gallery_id/reprocessings', [PhotoReprocessingsController, 'store']).as('photo_reprocessings.store')
        router.get('/galleries/:gallery_id/processing', [GalleryProcessingsController, 'show']).as('gallery_processings.show')
      })
      .use(middleware.area({ ability: 'manageGalleries' }))

    // Staff too (they answer families' "grandma can't get in"): GalleryPolicy.viewAsStudio decides.
    router.get('/galleries/:id/access-log', [GalleryAccessLogsController, 'show']).as('gallery_access_logs.show')

    bookingAdminRoutes()
    shopAdminRoutes()
    paymentsAdminRoutes()
    catalogueAdminRoutes()
  })
  .prefix('/admin')
  .as('admin')
  .use(middleware.auth())
