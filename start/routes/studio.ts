import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DeskController = () => import('#controllers/kiosk/desk_controller')

router
  .group(() => {
    router.get('/', [DeskController, 'show']).as('desk')
  })
  .prefix('/studio')
  .as('studio')
  .use([middleware.auth(), middleware.area({ ability: 'enterStudio' })])
