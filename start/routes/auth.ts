import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { authMailThrottle } from '#start/limiter'

const SessionsController = () => import('#controllers/auth/sessions_controller')
const RegistrationsController = () => import('#controllers/auth/registrations_controller')
const PasswordResetsController = () => import('#controllers/auth/password_resets_controller')
const EmailVerificationsController = () => import('#controllers/auth/email_verifications_controller')
const SignInLinksController = () => import('#controllers/auth/sign_in_links_controller')
const SignInLinkSessionsController = () => import('#controllers/auth/sign_in_link_sessions_controller')

router
  .group(() => {
    router.get('/login', [SessionsController, 'create']).as('session.create')
    router.post('/login', [SessionsController, 'store']).as('session.store')
    router.get('/signup', [RegistrationsController, 'create']).as('registration.create')
    router.post('/signup', [RegistrationsController, 'store']).as('registration.store').use(authMailThrottle)
    router.get('/forgot-password', [PasswordResetsController, 'create']).as('password_reset.create')
    router.post('/forgot-password', [PasswordResetsController, 'store']).as('password_reset.store').use(authMailThrottle)
    router.post('/login/links', [SignInLinksController, 'store']).as('sign_in_links.store').use(authMailThrottle)
    router.get('/login/links/:token', [SignInLinksController, 'show']).as('sign_in_links.show')
    router.post('/login/links/:token/session', [SignInLinkSessionsController, 'store']).as('sign_in_link_sessions.store')
  })
  .use(middleware.guest())

router.get('/reset-password/:token', [PasswordResetsController, 'edit']).as('password_reset.edit')
router.post('/reset-password/:token', [PasswordResetsController, 'update']).as('password_reset.update')
router.get('/verify-email/:token', [EmailVerificationsController, 'show']).as('email_verification.show')
router.post('/verify-email/:token', [EmailVerificationsController, 'update']).as('email_verification.update')
router
  .post('/verify-email', [EmailVerificationsController, 'store'])
  .as('email_verification.store')
  .use(middleware.auth())
router.post('/logout', [SessionsController, 'destroy']).as('session.destroy').use(middleware.auth())
