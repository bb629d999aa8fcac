import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const GalleriesController = () => import('#controllers/admin/galleries_controller')
const GalleryPublicationsController = () => import('#controllers/admin/gallery_publications_controller')
const GalleryExtensionsController = () => import('#controllers/admin/gallery_extensions_controller')

/** Gallery management: admins and photographers (the rest of /admin is admins only). */
router
  .group(() => {
    router.resource('galleries', GalleriesController)
    // Publishing is a resource of its own: store publishes, destroy unpublishes.
    router
      .post('/galleries/:gallery_id/publication', [GalleryPublicationsController, 'store'])
      .as('gallery_publications.store')
    router
      .delete('/galleries/:gallery_id/publication', [GalleryPublicationsController, 'destroy'])
      .as('gallery_publications.destroy')
    router
      .post('/galleries/:gallery_id/extensions', [GalleryExtensionsController, 'store'])
      .as('gallery_extensions.store')
  })
  .prefix('/admin')
  .as('admin')
  .use([middleware.auth(), middleware.area({ ability: 'manageGalleries' })])
