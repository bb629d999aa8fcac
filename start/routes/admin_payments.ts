import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { uuidMatcher } from '#services/http/route_ids'

const InvoicesController = () => import('#controllers/admin/payments/invoices_controller')
const InvoiceSendingsController = () => import('#controllers/admin/payments/invoice_sendings_controller')
const InvoiceVoidsController = () => import('#controllers/admin/payments/invoice_voids_controller')
const InvoicePdfsController = () => import('#controllers/admin/payments/invoice_pdfs_controller')
const PaymentsController = () => import('#controllers/admin/payments/payments_controller')
const PaymentRefundsController = () => import('#controllers/admin/payments/payment_refunds_controller')
const WebhookEventsController = () => import('#controllers/admin/payments/webhook_events_controller')
const WebhookEventReplaysController = () => import('#controllers/admin/payments/webhook_event_replays_controller')

/**
 * Invoices, payments and refunds inside the one /admin group (start/routes/admin.ts calls
 * this): admins. InvoicePolicy and PaymentPolicy decide per record and action.
 */
export function paymentsAdminRoutes() {
  router
    .group(() => {
      router.get('/invoices', [InvoicesController, 'index']).as('invoices.index')
      router.get('/invoices/:id', [InvoicesController, 'show']).as('invoices.show')
      router.get('/invoices/:invoice_id/pdf', [InvoicePdfsController, 'show']).as('invoice_pdfs.show')
      router.post('/invoices/:invoice_id/sending', [InvoiceSendingsController, 'store']).as('invoice_sendings.store')
      router.post('/invoices/:invoice_id/void', [InvoiceVoidsController, 'store']).as('invoice_voids.store')
      router.get('/payments', [PaymentsController, 'index']).as('payments.index')
      router.get('/payments/:id', [PaymentsController, 'show']).as('payments.show')
      router.post('/payments/:payment_id/refunds', [PaymentRefundsController, 'store']).as('payment_refunds.store')
      router.get('/webhooks', [WebhookEventsController, 'index']).as('webhook_events.index')
      router.get('/webhooks/:id', [WebhookEventsController, 'show']).as('webhook_events.show')
      router.post('/webhooks/:webhook_event_id/replay', [WebhookEventReplaysController, 'store']).as('webhook_event_replays.store')
    })
    .where('id', uuidMatcher)
    .where('invoice_id', uuidMatcher)
    .where('payment_id', uuidMatcher)
    .where('webhook_event_id', uuidMatcher)
    .use(middleware.area({ ability: 'enterAdmin' }))
}
