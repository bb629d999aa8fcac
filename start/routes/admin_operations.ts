/*
| Studio operations: scheduled and manual command runs (admins), and each gallery's
| access log (admins, photographers and staff).
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CommandRunsController = () => import('#controllers/admin/command_runs_controller')
const GalleryAccessLogsController = () => import('#controllers/admin/gallery_access_logs_controller')

router
  .group(() => {
    router.get('/command-runs', [CommandRunsController, 'index']).as('command_runs.index')
  })
  .prefix('/admin')
  .as('admin')
  .use([middleware.auth(), middleware.area({ ability: 'enterAdmin' })])

router
  .group(() => {
    router.get('/galleries/:id/access-log', [GalleryAccessLogsController, 'show']).as('gallery_access_logs.show')
  })
  .prefix('/admin')
  .as('admin')
  // Staff too (they answer families' "grandma can't get in"): the controller checks GalleryPolicy.viewAsStudio.
  .use([middleware.auth()])
