import SendInstallmentReceipt from '#actions/billing/send_installment_receipt'
import type { JobHandler } from '#services/jobs/job_handler'

interface Payload {
  paymentId: string
}

/** Queued in the transaction that recorded the charge, so a billing run never renders mail. */
export default class SendInstallmentReceiptMailJob implements JobHandler<Payload> {
  async handle({ paymentId }: Payload) {
    await SendInstallmentReceipt.handle(paymentId)
  }
}
