import db from '@adonisjs/lucid/services/db'
import type Payment from '#models/payment'
import Refund from '#models/refund'
import { announceRefund, applyRefund } from '#actions/payments/apply_refund'
import { gatewayFor } from '#services/payments/gateway_for'
import type { Actor } from '#support/actor'

export interface RefundInput {
  /** Cents. */
  amount: number
  reason: string
  /** One per refund form: a double submit finds the first refund. */
  idempotencyKey: string
}

export type RefundResult =
  | { ok: true; refund: Refund; replayed: boolean }
  | { ok: false; reason: 'not_refundable' | 'more_than_refundable' | 'gateway_unavailable' | 'in_progress' }
  | { ok: false; reason: 'declined'; message: string }

/**
 * Gives back all or part of a payment through the gateway that took it. The refund row
 * is written first under its unique idempotency key (a double submit refunds once), the
 * gateway is asked with that key, then one transaction records it on the payment (its
 * compare-and-set on the amount refunded so far: two refunds can't together exceed it)
 * and on the invoice. The family gets an email.
 */
export default class RefundPayment {
  static async handle(actor: Actor, payment: Payment, input: RefundInput): Promise<RefundResult> {
    const key = `refund:${payment.id}:${input.idempotencyKey}`
    const previous = await Refund.findBy('idempotency_key', key)
    if (previous) return replay(previous)
    if (payment.refundable <= 0) return { ok: false, reason: 'not_refundable' }
    if (input.amount > payment.refundable) return { ok: false, reason: 'more_than_refundable' }
    const gateway = gatewayFor(payment)
    if (!gateway) return { ok: false, reason: 'gateway_unavailable' }

    let refund: Refund
    try {
      refund = await Refund.create({ paymentId: payment.id, invoiceId: payment.invoiceId, amount: input.amount, currency: payment.currency, reason: input.reason, idempotencyKey: key, status: 'processing', actorId: actor.userId })
    } catch (error) {
      // The same form submitted twice at once: the other request is refunding.
      const winner = await Refund.findBy('idempotency_key', key)
      if (!winner) throw error
      return replay(winner)
    }

    const answer = await gateway.refund({ payment, amountCents: input.amount, reason: input.reason, idempotencyKey: key })
    if (answer.status === 'failed') {
      refund.merge({ status: 'failed', failureCode: answer.failureCode, failureReason: answer.failureReason })
      await refund.save()
      return { ok: false, reason: 'declined', message: answer.failureReason }
    }

    const recorded = await db.transaction(async (trx) => {
      const fresh = await applyRefund(trx, payment.id, input.amount, input.reason, actor)
      if (!fresh) return false
      refund.useTransaction(trx)
      refund.merge({ status: answer.status, providerRefundId: answer.providerRefundId })
      await refund.save()
      payment.merge({ status: fresh.status, refundAmount: fresh.refundAmount, refundReason: fresh.refundReason })
      return true
    })
    if (!recorded) {
      // Another refund took what was left between our check and our write.
      refund.merge({ status: 'failed', failureCode: 'over_refund', failureReason: 'Refunded by another request first' })
      await refund.save()
      return { ok: false, reason: 'more_than_refundable' }
    }

    await announceRefund(actor, payment, refund)
    return { ok: true, refund, replayed: false }
  }
}

function replay(refund: Refund): RefundResult {
  if (refund.status === 'processing') return { ok: false, reason: 'in_progress' }
  if (refund.status === 'failed') return { ok: false, reason: 'declined', message: refund.failureReason ?? 'The refund failed' }
  return { ok: true, refund, replayed: true }
}
