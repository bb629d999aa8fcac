/*
| Public gallery access (/g) and the family's gallery pages. See the gallery viewer
| (app/services/galleries/gallery_viewer.ts) for who may see what.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const GalleryEntriesController = () => import('#controllers/site/gallery_entries_controller')
const GalleriesController = () => import('#controllers/site/galleries_controller')
const GalleryVisitorsController = () => import('#controllers/site/gallery_visitors_controller')
const PhotoFavoritesController = () => import('#controllers/site/photo_favorites_controller')
const GallerySelectionsController = () => import('#controllers/site/gallery_selections_controller')
const PortalGalleriesController = () => import('#controllers/portal/galleries_controller')

router.get('/g', [GalleryEntriesController, 'create']).as('gallery_entries.create')
router.post('/g', [GalleryEntriesController, 'store']).as('gallery_entries.store')
router.get('/g/:slug', [GalleriesController, 'show']).as('galleries.show')
router.post('/g/:slug/visitors', [GalleryVisitorsController, 'store']).as('gallery_visitors.store')
router.post('/g/:slug/photos/:photo_id/favorite', [PhotoFavoritesController, 'store']).as('photo_favorites.store')
router.delete('/g/:slug/photos/:photo_id/favorite', [PhotoFavoritesController, 'destroy']).as('photo_favorites.destroy')
router.post('/g/:slug/selection', [GallerySelectionsController, 'store']).as('gallery_selections.store')

router
  .get('/portal/galleries', [PortalGalleriesController, 'index'])
  .as('portal.galleries.index')
  .use([middleware.auth(), middleware.area({ ability: 'enterPortal' })])
