/*
| Downloads: single photos behind 5-minute signed URLs, and streamed ZIPs; the
| family's access log of a gallery.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PhotoDownloadLinksController = () => import('#controllers/site/photo_download_links_controller')
const PhotoDownloadsController = () => import('#controllers/site/photo_downloads_controller')
const GalleryArchivesController = () => import('#controllers/site/gallery_archives_controller')
const PortalGalleryAccessLogsController = () => import('#controllers/portal/gallery_access_logs_controller')

router
  .post('/g/:slug/photos/:photo_id/download-links', [PhotoDownloadLinksController, 'store'])
  .as('photo_download_links.store')
router.get('/downloads/photos/:photo_id/:variant', [PhotoDownloadsController, 'show']).as('photo_downloads.show')
router.get('/g/:slug/archive', [GalleryArchivesController, 'show']).as('gallery_archives.show')

router
  .get('/portal/galleries/:id/access-log', [PortalGalleryAccessLogsController, 'show'])
  .as('portal.gallery_access_logs.show')
  .use([middleware.auth(), middleware.area({ ability: 'enterPortal' })])
