import type { DateTime } from 'luxon'
import User from '#models/user'
import type Payment from '#models/payment'
import type PaymentPlan from '#models/payment_plan'
import type PlanInstallment from '#models/plan_installment'
import PhotoSession from '#models/photo_session'
import type StudioSetting from '#models/studio_setting'
import BillingNotification from '#mails/billing_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { formatMoney } from '#services/money/format_money'
import { updateCardUrl } from '#actions/billing/billing_links'

interface Failure {
  plan: PaymentPlan
  installment: PlanInstallment
  payment: Payment
  retryAt: DateTime | null
  planFailed: boolean
}

/**
 * A declined installment: the family learns why and when it is tried again, with the
 * signed link to update their card; when the plan fails, the studio is told too.
 */
export default class NotifyChargeFailure {
  static async handle(failure: Failure, settings: StudioSetting) {
    const { plan, installment, payment } = failure
    const family = await User.find(plan.userId)
    const session = plan.photoSessionId ? await PhotoSession.find(plan.photoSessionId) : null
    const amount = formatMoney(installment.amount, plan.currency)
    const what = `installment ${installment.sequence} of ${plan.paymentsTotal} (${amount})${session ? ` for session ${session.sessionNumber}` : ''}`
    if (family?.email) {
      await deliverMail(
        new BillingNotification({
          to: family.email,
          greeting: `Hello ${family.firstName},`,
          subject: failure.planFailed ? 'Your payment plan is on hold' : `We couldn't charge your card for ${amount}`,
          lines: [
            `We tried to charge ${what}, and the bank said: ${payment.failureReason ?? 'declined'}.`,
            failure.retryAt
              ? `We'll try again on ${failure.retryAt.toFormat('cccc, LLLL d')}. Updating your card before then makes sure it goes through.`
              : 'After several tries we have stopped charging this plan; the studio will be in touch. Update your card to carry on.',
          ],
          link: { label: 'Update your card', url: updateCardUrl(plan.id) },
        })
      )
    }
    if (failure.planFailed && settings.email) {
      await deliverMail(
        new BillingNotification({
          to: settings.email,
          greeting: 'Hello,',
          subject: `Payment plan failed${session ? `: ${session.sessionNumber}` : ''}`,
          lines: [
            `${family?.fullName ?? 'A family'}'s plan stopped after ${plan.failureCount} failed charges in a row: ${what}, last reason "${payment.failureReason}" (${payment.failureCode}).`,
            session ? 'The session is flagged on the calendar until the balance is sorted out.' : '',
          ].filter(Boolean),
          link: null,
        })
      )
    }
  }
}
