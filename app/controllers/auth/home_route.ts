import router from '@adonisjs/core/services/router'
import type { Role } from '#models/user'

/** Where each role lands after signing in (and where "My account" points). */
export const HOME_ROUTES: Record<Role, string> = {
  customer: 'portal.dashboard',
  staff: 'studio.desk',
  photographer: 'photographer.dashboard',
  admin: 'admin.dashboard',
}

export function homeUrl(user: { role: Role }) {
  return router.makeUrl(HOME_ROUTES[user.role])
}
