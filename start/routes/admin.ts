import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DashboardController = () => import('#controllers/admin/dashboard_controller')
const UsersController = () => import('#controllers/admin/users_controller')
const UserDeactivationsController = () => import('#controllers/admin/user_deactivations_controller')
const AuditLogsController = () => import('#controllers/admin/audit_logs_controller')
const EmailLogsController = () => import('#controllers/admin/email_logs_controller')

router
  .group(() => {
    router.get('/', [DashboardController, 'show']).as('dashboard')
    router.resource('users', UsersController).except(['destroy', 'show'])
    router
      .post('/users/:user_id/deactivation', [UserDeactivationsController, 'store'])
      .as('user_deactivations.store')
    router
      .delete('/users/:user_id/deactivation', [UserDeactivationsController, 'destroy'])
      .as('user_deactivations.destroy')
    router.get('/audit-logs', [AuditLogsController, 'index']).as('audit_logs.index')
    router.get('/email-logs', [EmailLogsController, 'index']).as('email_logs.index')
    router.get('/email-logs/:id', [EmailLogsController, 'show']).as('email_logs.show')
  })
  .prefix('/admin')
  .as('admin')
  .use([middleware.auth(), middleware.area({ ability: 'enterAdmin' })])
