import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PackagesController = () => import('#controllers/admin/packages_controller')
const AvailabilityController = () => import('#controllers/admin/booking/availability_controller')
const BusinessHoursController = () => import('#controllers/admin/booking/business_hours_controller')
const WorkingDaysController = () => import('#controllers/admin/booking/working_days_controller')
const BlackoutDatesController = () => import('#controllers/admin/booking/blackout_dates_controller')
const CalendarController = () => import('#controllers/studio/calendar_controller')
const SessionsController = () => import('#controllers/studio/sessions_controller')
const SessionStatusesController = () => import('#controllers/studio/session_statuses_controller')
const SessionMovesController = () => import('#controllers/studio/session_moves_controller')
const PaymentReceiptsController = () => import('#controllers/studio/payment_receipts_controller')
const ModelReleaseSignaturesController = () => import('#controllers/media/model_release_signatures_controller')

/**
 * Booking's part of the one /admin group (start/routes/admin.ts calls this inside it).
 * What families can book: admins only.
 */
export function bookingAdminRoutes() {
  router
    .group(() => {
      router.resource('packages', PackagesController).except(['show'])
      router.get('/availability', [AvailabilityController, 'show']).as('availability.show')
      router.put('/availability', [AvailabilityController, 'update']).as('availability.update')
      router.resource('business-hours', BusinessHoursController).only(['store', 'update', 'destroy']).as('business_hours')
      router.get('/photographers/:user_id/working-days', [WorkingDaysController, 'edit']).as('working_days.edit')
      router.put('/photographers/:user_id/working-days', [WorkingDaysController, 'update']).as('working_days.update')
      router.resource('blackout-dates', BlackoutDatesController).only(['store', 'destroy']).as('blackout_dates')
    })
    .use(middleware.area({ ability: 'enterAdmin' }))

  // The studio's sessions and calendar: admins and photographers.
  router
    .group(() => {
      router.get('/calendar', [CalendarController, 'show']).as('calendar.show')
      router.resource('sessions', SessionsController).only(['index', 'show', 'update'])
      router.post('/sessions/:session_id/status', [SessionStatusesController, 'store']).as('session_statuses.store')
      router.post('/sessions/:session_id/moves', [SessionMovesController, 'store']).as('session_moves.store')
      router.post('/payments/:payment_id/receipt', [PaymentReceiptsController, 'store']).as('payment_receipts.store')
      router.get('/model-releases/:id/signature', [ModelReleaseSignaturesController, 'show']).as('model_release_signatures.show')
    })
    .use(middleware.area({ ability: 'manageSessions' }))
}
