import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import PlanInstallment from '#models/plan_installment'
import type StudioSetting from '#models/studio_setting'
import BillingNotification from '#mails/billing_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { formatMoney } from '#services/money/format_money'
import { affectedRows } from '#support/db/affected_rows'
import { sqlTime } from '#support/db/sql_time'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import { updateCardUrl } from '#actions/billing/billing_links'

/** How many days before a charge the family hears about it. */
export const HEADS_UP_DAYS = 3

/**
 * "We'll charge your card in 3 days" (or, when the gateway can't charge cards, "due in 3
 * days: pay at the studio or online"): once per installment (claimed by setting
 * `heads_up_sent_at` only where it is empty, so two runs never both send), for the
 * scheduled charges of running plans due within the next 3 days.
 */
export default class SendBillingHeadsUps {
  static async handle(options: { now: DateTime; settings: StudioSetting; dryRun?: boolean; chargesCards?: boolean }) {
    const today = options.now.toISODate()!
    const until = options.now.plus({ days: HEADS_UP_DAYS }).toISODate()!
    const coming = await PlanInstallment.query()
      .where('status', 'scheduled')
      .where('due_on', '>', today)
      .where('due_on', '<=', until)
      .whereNull('heads_up_sent_at')
      .whereHas('paymentPlan', (plans) => plans.whereIn('status', ['active', 'past_due']))
      .preload('paymentPlan', (plans) => plans.preload('user'))
    if (options.dryRun) return coming
    const sent: PlanInstallment[] = []
    for (const installment of coming) {
      const claimed = await db.from('plan_installments').where('id', installment.id).whereNull('heads_up_sent_at').update({ heads_up_sent_at: sqlTime(options.now) })
      if (affectedRows(claimed) !== 1) continue
      sent.push(installment)
      const plan = installment.paymentPlan
      if (!plan.user.email) continue
      const amount = formatMoney(installment.amount, plan.currency)
      const due = installment.dueOn.toFormat('cccc, LLLL d, yyyy')
      const which = `installment ${installment.sequence} of ${plan.paymentsTotal} of your payment plan, ${amount}`
      await deliverMail(
        new BillingNotification(
          options.chargesCards === false
            ? {
                to: plan.user.email,
                greeting: `Hello ${plan.user.firstName},`,
                subject: `${amount} is due on ${installment.dueOn.toFormat('LLLL d')}`,
                lines: [`A reminder: ${which}, is due on ${due}.`, 'Pay it at the studio, or online from your payments page.'],
                link: { label: 'Your payments', url: appUrl + router.makeUrl('portal.payments.index') },
              }
            : {
                to: plan.user.email,
                greeting: `Hello ${plan.user.firstName},`,
                subject: `${amount} will be charged on ${installment.dueOn.toFormat('LLLL d')}`,
                lines: [`A reminder: ${which}, will be charged to your saved card on ${due}.`, 'Nothing to do if your card is up to date. To use another card, follow the link below.'],
                link: { label: 'Update your card', url: updateCardUrl(plan.id) },
              }
        )
      )
    }
    return sent
  }
}
