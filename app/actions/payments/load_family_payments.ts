import PaymentPlan from '#models/payment_plan'
import Payment from '#models/payment'

/**
 * What the family's payments page shows: every plan (newest first) with its session and
 * instalments, and every payment that went through or is waiting, each with its invoice.
 */
export default class LoadFamilyPayments {
  static async handle(familyId: string) {
    const plans = await PaymentPlan.query()
      .where('user_id', familyId)
      .whereNot('status', 'cancelled')
      .preload('photoSession')
      .preload('installments', (rows) => rows.orderBy('sequence'))
      .orderBy('created_at', 'desc')
    const payments = await Payment.query()
      .where('user_id', familyId)
      .whereIn('status', ['succeeded', 'pending', 'refunded', 'partially_refunded'])
      .preload('invoice')
      .preload('photoSession')
      .orderBy('created_at', 'desc')
      .limit(200)
    return { plans, payments, byId: new Map(payments.map((payment) => [payment.id, payment])) }
  }
}
