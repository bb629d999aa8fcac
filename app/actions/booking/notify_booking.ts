import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type PhotoSession from '#models/photo_session'
import type Payment from '#models/payment'
import type User from '#models/user'
import PaymentPlan from '#models/payment_plan'
import type StudioSetting from '#models/studio_setting'
import StartPayment from '#actions/payments/start_payment'
import DescribeSession from '#actions/booking/describe_session'
import SessionBookedNotification from '#mails/session_booked_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { checkInQrPng } from '#services/calendar/check_in_qr'
import { formatMoney } from '#services/money/format_money'
import type { PaymentStart } from '#services/payments/payment_gateway'

/**
 * After a booking committed: starts collecting what is due now through the payment
 * gateway, then emails the family the confirmation with the invitation and QR code.
 */
export default class NotifyBooking {
  static async handle(session: PhotoSession, payment: Payment | null, family: User, settings: StudioSetting) {
    const facts = await DescribeSession.handle(session, settings)
    let start: PaymentStart | null = null
    if (payment) {
      const sessionUrl = appUrl + router.makeUrl('portal.sessions.show', { id: session.id })
      start = await StartPayment.handle(payment, {
        customer: { id: family.id, email: family.email, name: family.fullName },
        description: `${payment.paymentType === 'deposit' ? 'Deposit' : 'Payment'} for ${session.sessionNumber} (${facts.packageName})`,
        returnUrl: sessionUrl,
        cancelUrl: sessionUrl,
      })
    }
    if (family.email) {
      const paymentLines = await paymentLinesOf(session, payment, start)
      await deliverMail(
        new SessionBookedNotification(family, facts, {
          checkInToken: session.checkInToken!,
          qrPng: await checkInQrPng(session.checkInToken!),
          paymentLines,
        })
      )
    }
    return start
  }
}

async function paymentLinesOf(session: PhotoSession, payment: Payment | null, start: PaymentStart | null) {
  const money = (cents: number) => formatMoney(cents, session.currency)
  const lines = [`Total: ${money(session.totalAmount)}`]
  if (payment) {
    const what = payment.paymentType === 'deposit' ? 'Deposit' : 'Full payment'
    lines.push(`${what}: ${money(payment.amount)}${start?.kind === 'pay_at_studio' ? ', to pay at the studio (cash or card)' : ''}`)
  }
  const plan = await PaymentPlan.query().where('photo_session_id', session.id).preload('installments').first()
  for (const installment of plan?.installments ?? []) {
    lines.push(`Installment ${installment.sequence} of ${plan!.paymentsTotal}: ${money(installment.amount)} on ${installment.dueOn.toFormat('LLLL d, yyyy')}`)
  }
  if (!plan && payment?.paymentType === 'deposit') {
    lines.push(`Balance: ${money(session.totalAmount - payment.amount)}, at or before the session`)
  }
  return lines
}
