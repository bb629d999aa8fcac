/*
| A gallery's photos, studio side: upload, processing progress, order, cover, feature,
| hide, editing status, reprocess, delete. Admins and photographers.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const GalleryPhotosController = () => import('#controllers/admin/gallery_photos_controller')
const GalleryPhotoOrdersController = () => import('#controllers/admin/gallery_photo_orders_controller')
const GalleryCoversController = () => import('#controllers/admin/gallery_covers_controller')
const PhotoReprocessingsController = () => import('#controllers/admin/photo_reprocessings_controller')
const GalleryProcessingsController = () => import('#controllers/admin/gallery_processings_controller')

router
  .group(() => {
    router.get('/galleries/:gallery_id/photos', [GalleryPhotosController, 'index']).as('gallery_photos.index')
    router.post('/galleries/:gallery_id/photos', [GalleryPhotosController, 'store']).as('gallery_photos.store')
    router.patch('/galleries/:gallery_id/photos/:id', [GalleryPhotosController, 'update']).as('gallery_photos.update')
    router.delete('/galleries/:gallery_id/photos/:id', [GalleryPhotosController, 'destroy']).as('gallery_photos.destroy')
    router.put('/galleries/:gallery_id/photo-order', [GalleryPhotoOrdersController, 'update']).as('gallery_photo_orders.update')
    router.post('/galleries/:gallery_id/cover', [GalleryCoversController, 'store']).as('gallery_covers.store')
    router.post('/galleries/:gallery_id/reprocessings', [PhotoReprocessingsController, 'store']).as('photo_reprocessings.store')
    router.get('/galleries/:gallery_id/processing', [GalleryProcessingsController, 'show']).as('gallery_processings.show')
  })
  .prefix('/admin')
  .as('admin')
  .use([middleware.auth(), middleware.area({ ability: 'manageGalleries' })])
