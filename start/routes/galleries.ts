/*
| Public gallery access (/g) and the family's gallery pages. GalleryPolicy
| (app/policies/gallery_policy.ts) says who may see and do what.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const GalleryEntriesController = () => import('#controllers/site/gallery_entries_controller')
const GalleriesController = () => import('#controllers/site/galleries_controller')
const GallerySharesController = () => import('#controllers/site/gallery_shares_controller')
const GalleryEntryCodesController = () => import('#controllers/site/gallery_entry_codes_controller')
const GalleryVisitorsController = () => import('#controllers/site/gallery_visitors_controller')
const PhotoFavoritesController = () => import('#controllers/site/photo_favorites_controller')
const GallerySelectionsController = () => import('#controllers/site/gallery_selections_controller')
const GallerySelectionConfirmationsController = () => import('#controllers/site/gallery_selection_confirmations_controller')
const PortalGalleriesController = () => import('#controllers/portal/galleries_controller')
const PhotoPrintsController = () => import('#controllers/site/photo_prints_controller')

router.get('/g', [GalleryEntriesController, 'create']).as('gallery_entries.create')
router.post('/g', [GalleryEntriesController, 'store']).as('gallery_entries.store')
router.get('/g/:slug', [GalleriesController, 'show']).as('galleries.show')
router.get('/g/:slug/share/:token', [GallerySharesController, 'show']).as('gallery_shares.show')
router.post('/g/:slug/visitors', [GalleryVisitorsController, 'store']).as('gallery_visitors.store')
router.post('/g/:slug/entry-code', [GalleryEntryCodesController, 'store']).as('gallery_entry_codes.store')
router.post('/g/:slug/photos/:photo_id/favorite', [PhotoFavoritesController, 'store']).as('photo_favorites.store')
router.delete('/g/:slug/photos/:photo_id/favorite', [PhotoFavoritesController, 'destroy']).as('photo_favorites.destroy')
router.get('/g/:slug/photos/:photo_id/print', [PhotoPrintsController, 'show']).as('photo_prints.show')
router.post('/g/:slug/photos/:photo_id/print', [PhotoPrintsController, 'store']).as('photo_prints.store')
router.get('/g/:slug/selection', [GallerySelectionsController, 'show']).as('gallery_selections.show')
router.post('/g/:slug/selection', [GallerySelectionsController, 'store']).as('gallery_selections.store')
router.delete('/g/:slug/selection', [GallerySelectionsController, 'destroy']).as('gallery_selections.destroy')
router
  .get('/g/:slug/selection/confirmation/:token', [GallerySelectionConfirmationsController, 'show'])
  .as('gallery_selection_confirmations.show')
router
  .post('/g/:slug/selection/confirmation/:token', [GallerySelectionConfirmationsController, 'store'])
  .as('gallery_selection_confirmations.store')

router
  .get('/portal/galleries', [PortalGalleriesController, 'index'])
  .as('portal.galleries.index')
  .use([middleware.auth(), middleware.area({ ability: 'enterPortal' })])
