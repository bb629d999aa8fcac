import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type PaymentPlan from '#models/payment_plan'
import type Payment from '#models/payment'

/**
 * Payment plans and the payments on them: a family sees its own (and pays or saves a card
 * for its own open plans); the studio (admins, front desk) sees every one.
 */
export default class PaymentPlanPolicy extends BasePolicy {
  view(user: User, plan: PaymentPlan): AuthorizerResponse {
    return user.hasRole('admin', 'staff') || plan.userId === user.id
  }

  updateCard(user: User, plan: PaymentPlan): AuthorizerResponse {
    return plan.userId === user.id && ['active', 'past_due', 'failed'].includes(plan.status)
  }

  viewReceipt(user: User, payment: Payment): AuthorizerResponse {
    return user.hasRole('admin', 'staff') || (payment.userId === user.id && !['pending', 'failed'].includes(payment.status))
  }
}
