/*
| Routes, one file per area. Every route is named `resource.action`; build URLs
| with route(), never by hand.
*/
import router from '@adonisjs/core/services/router'
import { uuidMatcher } from '#services/http/route_ids'

/*
| Record ids in URLs are UUIDs: a param of one of these names that isn't one matches no
| route, so it is a 404 from the catch-all below, never a query (PostgreSQL's uuid type
| would answer an invalid one with a 500). A route whose param has another shape
| overrides it with its own `.where()`.
*/
const RECORD_PARAMS = ['id', 'user_id', 'gallery_id', 'photo_id', 'session_id', 'payment_id', 'draft_id', 'child_id']
for (const param of RECORD_PARAMS) {
  router.where(param, uuidMatcher)
}

const HealthController = () => import('#controllers/health_controller')
router.get('/health', [HealthController, 'show']).as('health.show')

const MediaFilesController = () => import('#controllers/media/media_files_controller')
router.get('/media/:id/:variant', [MediaFilesController, 'show']).as('media.show')

await import('#start/routes/site')
await import('#start/routes/booking')
await import('#start/routes/payments')
await import('#start/routes/auth')
await import('#start/routes/portal')
await import('#start/routes/studio')
await import('#start/routes/kiosk')
await import('#start/routes/photographer')
await import('#start/routes/admin')
await import('#start/routes/galleries')
await import('#start/routes/gallery_downloads')
await import('#start/routes/bench')

/*
| Last: unknown URLs still pass through the router middleware (session, auth, CSRF
| token), so the 404 page renders inside the right layout with the visitor signed in.
*/
const NotFoundController = () => import('#controllers/not_found_controller')
router.any('/*', [NotFoundController, 'handle']).as('not_found')
