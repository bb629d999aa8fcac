import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#controllers/photographer/dashboard_controller')

router
  .group(() => {
    router.get('/', [DashboardController, 'show']).as('dashboard')
  })
  .prefix('/photographer')
  .as('photographer')
  .use([middleware.auth(), middleware.area({ ability: 'enterPhotographer' })])
