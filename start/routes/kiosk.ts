/*
| /kiosk: the front-desk tablet. Pairing needs no one signed in; everything else needs a
| paired (unrevoked) tablet, and the board a staff member signed in on it.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const PairingsController = () => import('#controllers/kiosk/pairings_controller')
const StaffSessionsController = () => import('#controllers/kiosk/staff_sessions_controller')
const PinsController = () => import('#controllers/kiosk/pins_controller')
const BoardsController = () => import('#controllers/kiosk/boards_controller')
const CheckInsController = () => import('#controllers/kiosk/check_ins_controller')
const SessionsController = () => import('#controllers/kiosk/sessions_controller')
const DeskPaymentsController = () => import('#controllers/kiosk/desk_payments_controller')
const SessionStatusesController = () => import('#controllers/kiosk/session_statuses_controller')
const StylingsController = () => import('#controllers/kiosk/stylings_controller')
const BoardEventsController = () => import('#controllers/kiosk/board_events_controller')
const SelfServicesController = () => import('#controllers/kiosk/self_services_controller')
const SelfServiceExitsController = () => import('#controllers/kiosk/self_service_exits_controller')
const SelfServiceVisitsController = () => import('#controllers/kiosk/self_service_visits_controller')
const PaymentLinksController = () => import('#controllers/kiosk/payment_links_controller')
const ModelReleasesController = () => import('#controllers/kiosk/model_releases_controller')
const ModelReleaseSignaturesController = () => import('#controllers/media/model_release_signatures_controller')

router
  .group(() => {
    router.get('/pairing', [PairingsController, 'create']).as('pairing.create')
    router.post('/pairing', [PairingsController, 'store']).as('pairing.store')

    router
      .group(() => {
        // Self-service mode: families use the tablet; nothing else is reachable until a staff PIN ends it.
        router
          .group(() => {
            router.get('/self-service', [SelfServicesController, 'show']).as('self_service.show')
            router.post('/self-service/lookups', [SelfServiceVisitsController, 'lookup']).as('self_service_visits.lookup')
            router.get('/self-service/done', [SelfServiceVisitsController, 'done']).as('self_service_visits.done')
            router.get('/self-service/visits/:token', [SelfServiceVisitsController, 'show']).as('self_service_visits.show')
            router.post('/self-service/visits/:token', [SelfServiceVisitsController, 'store']).as('self_service_visits.store')
            router.get('/self-service/exit', [SelfServiceExitsController, 'create']).as('self_service_exit.create')
            router.post('/self-service/exit', [SelfServiceExitsController, 'store']).as('self_service_exit.store')
          })
          .use(middleware.kioskSelfService({ area: 'locked' }))

        router
          .group(() => {
            router.get('/staff-session', [StaffSessionsController, 'create']).as('staff_session.create')
            router.post('/staff-session', [StaffSessionsController, 'store']).as('staff_session.store')
            router.delete('/staff-session', [StaffSessionsController, 'destroy']).as('staff_session.destroy')

            router
            .group(() => {
              router.get('/', [BoardsController, 'show']).as('board.show')
              router.get('/events', [BoardEventsController, 'show']).as('board_events.show')
              router.post('/sessions/:session_id/check-in', [CheckInsController, 'store']).as('check_ins.store')
              router.get('/sessions/:session_id', [SessionsController, 'show']).as('sessions.show')
              router.post('/sessions/:session_id/desk-payments', [DeskPaymentsController, 'store']).as('desk_payments.store')
              router.post('/sessions/:session_id/payment-links', [PaymentLinksController, 'store']).as('payment_links.store')
              router.post('/sessions/:session_id/statuses', [SessionStatusesController, 'store']).as('session_statuses.store')
              router.post('/sessions/:session_id/children/:child_id/styling', [StylingsController, 'store']).as('stylings.store')
              router.get('/sessions/:session_id/model-releases/new', [ModelReleasesController, 'create']).as('model_releases.create')
              router.post('/sessions/:session_id/model-releases', [ModelReleasesController, 'store']).as('model_releases.store')
              router.get('/model-releases/:id/signature', [ModelReleaseSignaturesController, 'show']).as('model_release_signatures.show')
              router.get('/pin', [PinsController, 'edit']).as('pin.edit')
              router.put('/pin', [PinsController, 'update']).as('pin.update')
              router.post('/self-service', [SelfServicesController, 'store']).as('self_service.store')
            })
            .use(middleware.kioskStaff())
          })
          .use(middleware.kioskSelfService({ area: 'outside' }))
      })
      .use(middleware.kioskDevice())
  })
  .prefix('/kiosk')
  .as('kiosk')
