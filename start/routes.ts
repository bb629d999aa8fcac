/*
| Routes, one file per area. Every route is named `resource.action`; build URLs
| with route(), never by hand.
*/
import router from '@adonisjs/core/services/router'

const HealthController = () => import('#controllers/health_controller')
router.get('/health', [HealthController, 'show']).as('health.show')

const MediaFilesController = () => import('#controllers/media/media_files_controller')
router.get('/media/:id/:variant', [MediaFilesController, 'show']).as('media.show')

await import('#start/routes/site')
await import('#start/routes/auth')
await import('#start/routes/portal')
await import('#start/routes/studio')
await import('#start/routes/photographer')
await import('#start/routes/admin')
await import('#start/routes/admin_galleries')
await import('#start/routes/admin_gallery_photos')
await import('#start/routes/admin_operations')
await import('#start/routes/galleries')
await import('#start/routes/gallery_downloads')
await import('#start/routes/bench')

/*
| Last: unknown URLs still pass through the router middleware (session, auth, CSRF
| token), so the 404 page renders inside the right layout with the visitor signed in.
*/
const NotFoundController = () => import('#controllers/not_found_controller')
router.any('/*', [NotFoundController, 'handle']).as('not_found')
