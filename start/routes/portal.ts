import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#controllers/portal/dashboard_controller')
const ProfilesController = () => import('#controllers/portal/profiles_controller')
const PasswordsController = () => import('#controllers/portal/passwords_controller')

router
  .group(() => {
    router.get('/', [DashboardController, 'show']).as('dashboard')
    router.get('/profile', [ProfilesController, 'edit']).as('profile.edit')
    router.put('/profile', [ProfilesController, 'update']).as('profile.update')
    router.get('/password', [PasswordsController, 'edit']).as('password.edit')
    router.put('/password', [PasswordsController, 'update']).as('password.update')
  })
  .prefix('/portal')
  .as('portal')
  .use([middleware.auth(), middleware.area({ ability: 'enterPortal' })])
