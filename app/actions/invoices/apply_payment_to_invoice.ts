import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#models/invoice'
import type Payment from '#models/payment'
import PhotoSession from '#models/photo_session'
import Order from '#models/order'
import CustomOrderMilestone from '#models/custom_order_milestone'
import CreateInvoice, { type NewInvoice } from '#actions/invoices/create_invoice'
import { milestoneInvoice, orderInvoice, planInvoices, sessionInvoice, type SessionInvoiceKind } from '#actions/invoices/invoice_sources'
import type { Actor } from '#support/actor'
import { affectedRows } from '#support/db/affected_rows'
import { formatMoney } from '#services/money/format_money'

const SESSION_KINDS: Partial<Record<Payment['paymentType'], SessionInvoiceKind>> = {
  deposit: 'deposit',
  balance: 'balance',
  plan_payment: 'plan',
}

/**
 * A succeeded payment counts on its invoice: the draft or open invoice of what it paid
 * for (the session's deposit, balance or plan invoice, the order's, the milestone's), or
 * one written for it when there is none. The invoice's amount paid grows and it turns
 * paid once settled. Every path where money arrives calls this in its own transaction
 * (MarkPaymentReceived for the desk, the studio and pay-at-the-studio orders; SettleCardPayment
 * for Stripe Checkout; recordInstallmentPaid for billing runs and their webhooks). Applying the same payment twice counts it once: the payment claims its
 * invoice with `invoice_id IS NULL` in one UPDATE.
 */
export default class ApplyPaymentToInvoice {
  static async handle(payment: Payment, options: { actor: Actor; client?: TransactionClientContract; invoice?: Invoice; numberLast?: boolean }): Promise<Invoice | null> {
    if (payment.status !== 'succeeded' || payment.invoiceId || !billable(payment)) return null
    const run = async (trx: TransactionClientContract) => {
      const invoice = options.invoice ?? (await openInvoiceFor(payment, trx)) ?? (await newInvoiceFor(payment, trx, options.numberLast))
      if (!invoice) return null
      const claimed = affectedRows(await trx.from('payments').where('id', payment.id).whereNull('invoice_id').update({ invoice_id: invoice.id }))
      if (claimed !== 1) return null
      payment.invoiceId = invoice.id
      invoice.useTransaction(trx)
      if (invoice.status === 'draft') await invoice.issue({ actor: options.actor, client: trx, note: 'Payment received' })
      // Another payment of the same invoice may land between our reading and our UPDATE.
      for (let attempt = 0; attempt < 5; attempt++) {
        if (await invoice.recordPayment(payment.amount, { actor: options.actor, client: trx, note: `${formatMoney(payment.amount, payment.currency)} received` })) return invoice
        await invoice.refresh()
        if (invoice.status !== 'open') break
      }
      throw new Error(`Payment ${payment.id} could not be recorded on invoice ${invoice.number} (${invoice.status})`)
    }
    return options.client ? run(options.client) : db.transaction(run)
  }
  /**
   * `handle` for a billing run's batch of plan payments (one per session), in a few
   * statements: the plans' open invoices read at once, the missing ones drafted together,
   * each payment claiming its invoice in one UPDATE, drafts issued and amounts counted in
   * one each. Any other batch goes payment by payment. Throws when a row is not as read
   * (the caller's transaction rolls back). Returns the invoices, to number last.
   */
  static async many(payments: Payment[], options: { actor: Actor; client: TransactionClientContract; numberLast?: boolean }): Promise<Invoice[]> {
    const { actor, client: trx } = options
    const counted = payments.filter((payment) => payment.status === 'succeeded' && !payment.invoiceId && billable(payment))
    const sessionIds = counted.map((payment) => payment.photoSessionId!)
    const oneByOne = async () => {
      const invoices: Invoice[] = []
      for (const payment of payments) {
        const invoice = await ApplyPaymentToInvoice.handle(payment, options)
        if (invoice) invoices.push(invoice)
      }
      return invoices
    }
    const batchable = counted.every((payment) => payment.paymentType === 'plan_payment' && payment.photoSessionId) && new Set(sessionIds).size === sessionIds.length
    if (!batchable) return oneByOne()
    if (!counted.length) return []
    const invoiceOf = new Map<string, Invoice>()
    const open = await Invoice.query({ client: trx }).whereIn('photo_session_id', sessionIds).where('kind', 'plan').whereIn('status', ['draft', 'open']).orderBy('created_at').orderBy('number')
    for (const invoice of open) if (!invoiceOf.has(invoice.photoSessionId!)) invoiceOf.set(invoice.photoSessionId!, invoice)
    const missing = sessionIds.filter((id) => !invoiceOf.has(id))
    const drafts = await planInvoices(missing, trx)
    // A session with no plan left to invoice: `handle` bills such a payment on a balance invoice.
    if (missing.some((id) => !drafts.has(id))) return oneByOne()
    const created = await CreateInvoice.many(missing.map((id) => ({ ...drafts.get(id)!, ...(options.numberLast ? { number: Invoice.provisionalNumber() } : {}) })), trx)
    created.forEach((invoice) => invoiceOf.set(invoice.photoSessionId!, invoice))

    const claims = counted.flatMap((payment) => [payment.id, invoiceOf.get(payment.photoSessionId!)!.id])
    const claimed: { id: string }[] = await trx
      .knexQuery()
      .table('payments')
      .whereIn('id', counted.map((payment) => payment.id))
      .whereNull('invoice_id')
      .update({ invoice_id: trx.knexRawQuery(`CASE id ${counted.map(() => 'WHEN ? THEN ?').join(' ')} ELSE invoice_id END`, claims) })
      .returning('id')
    if (claimed.length !== counted.length) throw new Error('A payment of the batch was counted on an invoice meanwhile')
    const invoices = counted.map((payment) => {
      const invoice = invoiceOf.get(payment.photoSessionId!)!
      payment.invoiceId = invoice.id
      return invoice
    })
    const drafted = invoices.filter((invoice) => invoice.status === 'draft')
    if ((await Invoice.issueMany(drafted, { actor, client: trx, note: 'Payment received' })).length !== drafted.length) throw new Error('An invoice of the batch moved meanwhile')
    const amounts = new Map(counted.map((payment, n) => [invoices[n], { amount: payment.amount, note: `${formatMoney(payment.amount, payment.currency)} received` }]))
    if ((await Invoice.recordPayments(amounts, { actor, client: trx })).length !== invoices.length) throw new Error('An invoice of the batch moved meanwhile')
    return invoices
  }
}

/** Money from an account, or a guest's order (billed to the order's email). */
function billable(payment: Payment) {
  return !!payment.userId || !!payment.orderId
}

async function openInvoiceFor(payment: Payment, trx: TransactionClientContract) {
  const query = Invoice.query({ client: trx }).whereIn('status', ['draft', 'open']).orderBy('created_at').orderBy('number')
  if (payment.orderId) return query.where('order_id', payment.orderId).first()
  if (payment.customOrderMilestoneId) return query.where('custom_order_milestone_id', payment.customOrderMilestoneId).first()
  const kind = SESSION_KINDS[payment.paymentType]
  // A balance paid early counts on the plan's invoice when the plan has one.
  if (payment.photoSessionId && kind) return query.where('photo_session_id', payment.photoSessionId).whereIn('kind', kind === 'balance' ? ['balance', 'plan'] : [kind]).first()
  return null
}

/** An invoice for money that arrived with none open: it bills exactly what was paid. */
async function newInvoiceFor(payment: Payment, trx: TransactionClientContract, numberLast = false) {
  let draft: NewInvoice | null = null
  if (payment.orderId) {
    draft = await orderInvoice(await Order.query({ client: trx }).where('id', payment.orderId).firstOrFail(), trx)
  } else if (payment.customOrderMilestoneId) {
    draft = await milestoneInvoice(await CustomOrderMilestone.query({ client: trx }).where('id', payment.customOrderMilestoneId).firstOrFail(), trx)
  } else if (payment.photoSessionId) {
    const session = await PhotoSession.query({ client: trx }).where('id', payment.photoSessionId).firstOrFail()
    const kind = SESSION_KINDS[payment.paymentType] ?? 'balance'
    draft = (kind === 'plan' ? await sessionInvoice(session, 'plan', trx) : null) ?? (await sessionInvoice(session, kind === 'plan' ? 'balance' : kind, trx, payment.amount))
  }
  draft ??= {
    userId: payment.userId!,
    kind: 'other',
    currency: payment.currency,
    lines: [{ description: `Payment ${payment.paymentType.replace('_', ' ')}`, quantity: 1, unitAmount: payment.amount }],
    tax: 'included',
  }
  // The caller claims the real number with `invoice.takeNumber(trx)` as its last statement.
  if (numberLast) draft.number = Invoice.provisionalNumber()
  return CreateInvoice.handle(draft, trx)
}
