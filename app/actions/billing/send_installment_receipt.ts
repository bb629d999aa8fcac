import Payment from '#models/payment'
import PlanInstallment from '#models/plan_installment'
import PaymentPlan from '#models/payment_plan'
import { sendReceipt } from '#actions/payments/settle_card_payment'

/** The receipt email of one charged instalment ("instalment 2 of 3"), with the link to its receipt page. */
export default class SendInstallmentReceipt {
  static async handle(paymentId: string) {
    const payment = await Payment.find(paymentId)
    if (!payment || payment.status === 'pending' || payment.status === 'failed' || !payment.planInstallmentId) return false
    const installment = await PlanInstallment.findOrFail(payment.planInstallmentId)
    const plan = await PaymentPlan.findOrFail(installment.paymentPlanId)
    await sendReceipt(payment, `instalment ${installment.sequence} of ${plan.paymentsTotal}`)
    return true
  }
}
