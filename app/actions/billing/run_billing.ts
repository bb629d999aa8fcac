import os from 'node:os'
import { DateTime } from 'luxon'
import PlanInstallment from '#models/plan_installment'
import StudioSetting from '#models/studio_setting'
import ChargeInstallments, { type ChargeResult } from '#actions/billing/charge_installments'
import SendBillingHeadsUps from '#actions/billing/send_billing_heads_ups'
import NotifyChargeFailure from '#actions/billing/notify_charge_failure'
import { paymentGateway } from '#services/payments/gateway'
import { actors } from '#support/actor'

export interface BillingRunOptions {
  now?: DateTime
  dryRun?: boolean
  /** At most this many installments this run. */
  limit?: number
  /** Charges in flight at once (installments of one plan always go one after another). */
  concurrency?: number
  /** Installments claimed, charged and recorded together. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

export interface BillingRunResult {
  due: number
  dueAmount: number
  charged: number
  chargedAmount: number
  failed: number
  failedAmount: number
  /** Taken by another run at the same time, or their plan had stopped. */
  skipped: number
  /** No answer from the provider: retried by a later run with the same idempotency key. */
  unknown: number
  plansCompleted: number
  plansFailed: number
  headsUps: number
  /** Due, but the gateway can't charge a saved card (offline, PayPal): the family pays at the studio or online. */
  leftToFamily: number
  errors: string[]
}

/**
 * One billing run: the heads-up emails for charges 3 days away, then every installment
 * that is due (scheduled and due, failed with its retry time come, or left `processing`
 * by a run that died) charged once, a few at a time, with the failure emails. A gateway
 * that can't charge a saved card (pay at the studio, PayPal) charges nothing: its heads-ups
 * ask the family to pay by the due date, and unpaid ones count as overdue in the payments area.
 */
export default class RunBilling {
  static async handle(options: BillingRunOptions = {}): Promise<BillingRunResult> {
    const now = options.now ?? DateTime.now()
    const settings = await StudioSetting.current()
    const query = PlanInstallment.query()
      .withScopes((scopes) => scopes.claimable(now))
      .whereIn('payment_plan_id', (plans) => plans.from('payment_plans').whereIn('status', ['active', 'past_due']).select('id'))
      .orderBy('due_on', 'asc')
      .orderBy('sequence', 'asc')
    if (options.limit) query.limit(options.limit)
    const due = await query
    const result: BillingRunResult = {
      due: due.length,
      dueAmount: due.reduce((sum, row) => sum + row.amount, 0),
      charged: 0,
      chargedAmount: 0,
      failed: 0,
      failedAmount: 0,
      skipped: 0,
      unknown: 0,
      plansCompleted: 0,
      plansFailed: 0,
      headsUps: 0,
      leftToFamily: 0,
      errors: [],
    }
    const gateway = paymentGateway()
    const chargesCards = Boolean(gateway.chargeSavedCard)
    result.headsUps = (await SendBillingHeadsUps.handle({ now, dryRun: options.dryRun, settings, chargesCards })).length
    if (!chargesCards) result.leftToFamily = due.length
    if (options.dryRun || !chargesCards) return result

    // Round n holds each plan's n-th due installment: a plan's charges go one after another.
    const byPlan = new Map<string, PlanInstallment[]>()
    for (const row of due) byPlan.set(row.paymentPlanId, [...(byPlan.get(row.paymentPlanId) ?? []), row])
    const rounds: PlanInstallment[][] = []
    for (const rows of byPlan.values()) rows.forEach((row, n) => (rounds[n] ??= []).push(row))
    const input = {
      claimant: `billing:run ${os.hostname()}:${process.pid}`.slice(0, 100),
      gateway,
      actor: actors.system('billing:run'),
      now,
      maxFailures: settings.maxPaymentAttempts,
      // Split between the two batches in flight.
      concurrency: Math.ceil((options.concurrency ?? 8) / 2),
    }
    const batchSize = options.batchSize ?? 100
    // The rest of a plan waits for a later run once one of its charges failed or had no answer.
    const stopped = new Set<string>()
    let done = 0
    const tally = async (charge: ChargeResult) => {
      if (charge.outcome === 'paid') {
        result.charged++
        result.chargedAmount += charge.amount
        if (charge.planCompleted) result.plansCompleted++
      } else if (charge.outcome === 'failed') {
        result.failed++
        result.failedAmount += charge.amount
        if (charge.planFailed) result.plansFailed++
        await NotifyChargeFailure.handle(charge, settings)
      } else if (charge.outcome === 'unknown') {
        result.unknown++
        if (result.errors.length < 10) result.errors.push(charge.error)
      } else {
        result.skipped++
      }
      options.onProgress?.(++done, due.length)
    }
    for (const round of rounds) {
      const live = round.filter((row) => !stopped.has(row.paymentPlanId))
      result.skipped += round.length - live.length
      done += round.length - live.length
      const batches = Array.from({ length: Math.ceil(live.length / batchSize) }, (_, n) => live.slice(n * batchSize, (n + 1) * batchSize))
      // Two batches at a time: one is charged while the other is claimed or recorded.
      const pipeline = async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const rows = batch
          const charges = await ChargeInstallments.handle(rows, input).catch((error: Error) => rows.map(() => ({ outcome: 'unknown' as const, error: error.message })))
          for (const [n, charge] of charges.entries()) {
            if (charge.outcome === 'unknown' || charge.outcome === 'failed') stopped.add(rows[n].paymentPlanId)
            await tally(charge)
          }
        }
      }
      await Promise.all([pipeline(), pipeline()])
    }
    return result
  }
}
