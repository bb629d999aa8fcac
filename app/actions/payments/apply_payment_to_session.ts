import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sqlTime } from '#support/db/sql_time'
import type Payment from '#models/payment'
import PhotoSession from '#models/photo_session'
import { moveSession } from '#actions/booking/session_status'
import { settlePlanEarly } from '#actions/billing/settle_plan_early'
import type { Actor } from '#support/actor'

/**
 * In the transaction that settled `payment`: the session's balance is read again from
 * its settled payments (the row locked first on PostgreSQL, so two payments settling at
 * once both count), and a booked session whose deposit (or full price) this was is
 * confirmed; a balance payment that clears it settles the plan's open instalments
 * (settlePlanEarly). Returns whether it was confirmed.
 */
export async function applyPaymentToSession(payment: Payment, actor: Actor, trx: TransactionClientContract) {
  if (!payment.photoSessionId) return false
  await recountSessionBalances([payment.photoSessionId], trx)
  const session = await PhotoSession.query({ client: trx }).where('id', payment.photoSessionId).firstOrFail()
  if (payment.paymentType === 'balance' && session.balanceDue === 0) await settlePlanEarly(payment, session.id, actor, trx)
  if (session.status === 'booked' && ['deposit', 'balance'].includes(payment.paymentType)) {
    return moveSession(session, 'confirmed', { actor, note: 'Deposit received', client: trx })
  }
  return false
}

const SETTLED_SUM = `(SELECT coalesce(sum(p.amount - p.refund_amount), 0) FROM payments p WHERE p.photo_session_id = photo_sessions.id AND p.status IN ('succeeded', 'partially_refunded'))`

/**
 * Sessions' balances read again from their settled payments, in one UPDATE (one session
 * for a payment, a billing run's batch for its plan payments). On PostgreSQL the rows are
 * locked first, so the sums are read after any payment settling at the same time commits.
 */
export async function recountSessionBalances(sessionIds: string[], trx: TransactionClientContract, now: DateTime = DateTime.now()) {
  const ids = [...new Set(sessionIds)]
  if (!ids.length) return
  if (trx.dialect.name === 'postgres') await trx.knexQuery().table('photo_sessions').whereIn('id', ids).select('id').forUpdate()
  await trx
    .knexQuery()
    .table('photo_sessions')
    .whereIn('id', ids)
    .update({
      balance_due: trx.knexRawQuery(`CASE WHEN total_amount > ${SETTLED_SUM} THEN total_amount - ${SETTLED_SUM} ELSE 0 END`),
      updated_at: sqlTime(now),
    })
}

/**
 * How much more than its price a session's settled payments hold: a balance paid online
 * while a billing run charged one of its instalments, say (each was right when it began).
 */
export async function sessionOverpayment(sessionId: string) {
  const row = await db.from('photo_sessions').where('id', sessionId).select('total_amount', db.raw(`${SETTLED_SUM} as settled`)).first()
  return row ? Math.max(0, Number(row.settled) - Number(row.total_amount)) : 0
}
