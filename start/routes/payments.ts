import router from '@adonisjs/core/services/router'
import { uuidMatcher } from '#services/http/route_ids'

const StripeWebhooksController = () => import('#controllers/webhooks/stripe_webhooks_controller')
const PaypalWebhooksController = () => import('#controllers/webhooks/paypal_webhooks_controller')
const PlanCardsController = () => import('#controllers/site/plan_cards_controller')

/*
| Payments: Stripe's webhook (CSRF-exempt like every /webhooks/ path, signature-checked)
| and the signed update-card link of the billing emails.
*/
router.post('/webhooks/stripe', [StripeWebhooksController, 'store']).as('stripe_webhooks.store')
router.post('/webhooks/paypal', [PaypalWebhooksController, 'store']).as('paypal_webhooks.store')
router.get('/plans/:plan_id/card', [PlanCardsController, 'create']).as('plan_cards.create').where('plan_id', uuidMatcher)

const PaypalReturnsController = () => import('#controllers/site/paypal_returns_controller')
const PaypalCancellationsController = () => import('#controllers/site/paypal_cancellations_controller')
router.get('/payments/paypal/return', [PaypalReturnsController, 'show']).as('paypal_returns.show')
router.get('/payments/paypal/cancel', [PaypalCancellationsController, 'show']).as('paypal_cancellations.show')
