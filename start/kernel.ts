import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('#middleware/public_page_middleware'),
  () => import('#middleware/public_files_middleware'),
])

/*
| The body parser comes after the HTTP session and auth so the upload gate can refuse a
| multipart body, unread, where no upload belongs or from someone not signed in.
*/
router.use([
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/upload_gate_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/silent_auth_middleware'),
])

export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  area: () => import('#middleware/area_middleware'),
  kioskDevice: () => import('#middleware/kiosk_device_middleware'),
  kioskStaff: () => import('#middleware/kiosk_staff_middleware'),
  kioskSelfService: () => import('#middleware/kiosk_self_service_middleware'),
})
