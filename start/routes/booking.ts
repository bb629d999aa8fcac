import router from '@adonisjs/core/services/router'

const PackagesController = () => import('#controllers/site/packages_controller')
const PackageAvailabilitiesController = () => import('#controllers/site/package_availabilities_controller')
const BookingDraftsController = () => import('#controllers/site/booking/booking_drafts_controller')
const BookingChildrenController = () => import('#controllers/site/booking/booking_children_controller')
const BookingTimesController = () => import('#controllers/site/booking/booking_times_controller')
const BookingNotesController = () => import('#controllers/site/booking/booking_notes_controller')
const BookingPaymentsController = () => import('#controllers/site/booking/booking_payments_controller')
const BookingAccountsController = () => import('#controllers/site/booking/booking_accounts_controller')
const BookingSignInsController = () => import('#controllers/site/booking/booking_sign_ins_controller')
const BookingConfirmationsController = () => import('#controllers/site/booking/booking_confirmations_controller')

/*
| Public: the packages, and the booking flow (guests welcome until step 6, where they sign
| up or in). Each step is a resource of the draft: edit shows it, update saves it.
*/
router.get('/packages', [PackagesController, 'index']).as('packages.index')
router.get('/packages/:slug', [PackagesController, 'show']).as('packages.show')
router.get('/packages/:slug/availability', [PackageAvailabilitiesController, 'show']).as('package_availabilities.show')

router.get('/book', [BookingDraftsController, 'create']).as('booking_drafts.create')
router.post('/book', [BookingDraftsController, 'store']).as('booking_drafts.store')
router.get('/book/:draft_id', [BookingDraftsController, 'show']).as('booking_drafts.show')
router.get('/book/:draft_id/children', [BookingChildrenController, 'edit']).as('booking_children.edit')
router.put('/book/:draft_id/children', [BookingChildrenController, 'update']).as('booking_children.update')
router.post('/book/:draft_id/children', [BookingChildrenController, 'store']).as('booking_children.store')
router.get('/book/:draft_id/time', [BookingTimesController, 'edit']).as('booking_times.edit')
router.put('/book/:draft_id/time', [BookingTimesController, 'update']).as('booking_times.update')
router.get('/book/:draft_id/notes', [BookingNotesController, 'edit']).as('booking_notes.edit')
router.put('/book/:draft_id/notes', [BookingNotesController, 'update']).as('booking_notes.update')
router.get('/book/:draft_id/payment', [BookingPaymentsController, 'edit']).as('booking_payments.edit')
router.put('/book/:draft_id/payment', [BookingPaymentsController, 'update']).as('booking_payments.update')
router.post('/book/:draft_id/account', [BookingAccountsController, 'store']).as('booking_accounts.store')
router.post('/book/:draft_id/sign-in', [BookingSignInsController, 'store']).as('booking_sign_ins.store')
router.post('/book/:draft_id/confirmation', [BookingConfirmationsController, 'store']).as('booking_confirmations.store')
