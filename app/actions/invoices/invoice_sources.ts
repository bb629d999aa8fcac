import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import PhotoSession from '#models/photo_session'
import PaymentPlan from '#models/payment_plan'
import PlanInstallment from '#models/plan_installment'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import CustomOrderMilestone from '#models/custom_order_milestone'
import CustomOrder from '#models/custom_order'
import Package from '#models/package'
import type { NewInvoice } from '#actions/invoices/create_invoice'

/**
 * What an invoice says for each thing Loupe bills. Each returns the invoice to write
 * (CreateInvoice writes it), or null when there is nothing to bill.
 */

export type SessionInvoiceKind = 'deposit' | 'balance' | 'plan'

const BALANCE_DAYS = 14

export async function sessionInvoice(session: PhotoSession, kind: SessionInvoiceKind, trx: TransactionClientContract, amount?: number): Promise<NewInvoice | null> {
  const pkg = await Package.query({ client: trx }).where('id', session.packageId).first()
  const what = `${session.sessionNumber}${pkg ? ` (${pkg.name})` : ''}`
  const base = { userId: session.userId, photoSessionId: session.id, currency: session.currency, tax: 'included' as const }
  if (kind === 'plan') {
    const plan = await PaymentPlan.query({ client: trx }).where('photo_session_id', session.id).whereNot('status', 'cancelled').orderBy('created_at', 'desc').first()
    if (!plan) return null
    return planInvoice(session, pkg, await PlanInstallment.query({ client: trx }).where('payment_plan_id', plan.id).orderBy('sequence'))
  }
  const gross = amount ?? (kind === 'deposit' ? session.depositAmount : session.balanceDue)
  if (gross <= 0) return null
  return {
    ...base,
    kind,
    lines: [{ description: `${kind === 'deposit' ? 'Deposit' : 'Balance'} for session ${what}`, quantity: 1, unitAmount: gross }],
    dueOn: kind === 'deposit' ? DateTime.now() : DateTime.now().plus({ days: BALANCE_DAYS }),
  }
}

/** A plan's invoice: a line per instalment. */
function planInvoice(session: PhotoSession, pkg: Package | null, rows: PlanInstallment[]): NewInvoice {
  const what = `${session.sessionNumber}${pkg ? ` (${pkg.name})` : ''}`
  return {
    userId: session.userId,
    photoSessionId: session.id,
    currency: session.currency,
    tax: 'included',
    kind: 'plan',
    lines: rows.map((row) => ({ description: `Instalment ${row.sequence} of ${rows.length} for ${what}, due ${row.dueOn.toISODate()}`, quantity: 1, unitAmount: row.amount })),
    dueOn: rows.at(-1)?.dueOn ?? null,
  }
}

/**
 * `sessionInvoice(session, 'plan')` for many sessions in four queries (a billing run's
 * batch): session id → its plan's invoice; a session with no plan is left out.
 */
export async function planInvoices(sessionIds: string[], trx: TransactionClientContract) {
  const drafts = new Map<string, NewInvoice>()
  if (!sessionIds.length) return drafts
  const sessions = await PhotoSession.query({ client: trx }).whereIn('id', sessionIds)
  const packages = new Map((await Package.query({ client: trx }).whereIn('id', [...new Set(sessions.map((session) => session.packageId))])).map((pkg) => [pkg.id, pkg]))
  const latestPlan = new Map<string, PaymentPlan>()
  const plans = await PaymentPlan.query({ client: trx }).whereIn('photo_session_id', sessionIds).whereNot('status', 'cancelled').orderBy('created_at', 'desc')
  for (const plan of plans) if (!latestPlan.has(plan.photoSessionId!)) latestPlan.set(plan.photoSessionId!, plan)
  const rows = await PlanInstallment.query({ client: trx }).whereIn('payment_plan_id', [...latestPlan.values()].map((plan) => plan.id)).orderBy('sequence')
  for (const session of sessions) {
    const plan = latestPlan.get(session.id)
    if (!plan) continue
    drafts.set(session.id, planInvoice(session, packages.get(session.packageId) ?? null, rows.filter((row) => row.paymentPlanId === plan.id)))
  }
  return drafts
}

/** A shop order's invoice; a guest's is billed to the order's email and address name. */
export async function orderInvoice(order: Order, trx: TransactionClientContract): Promise<NewInvoice> {
  const items = await OrderItem.query({ client: trx }).where('order_id', order.id).preload('productVariant').preload('artwork')
  const lines = items.map((item) => ({
    description: `${item.artwork?.title ?? item.productVariant.name}${item.artwork ? ` — ${item.productVariant.name}` : ''}`,
    quantity: item.quantity,
    unitAmount: item.unitPrice,
  }))
  if (order.shippingAmount > 0) lines.push({ description: `Shipping (${order.shippingMethod ?? 'standard'})`, quantity: 1, unitAmount: order.shippingAmount })
  return {
    userId: order.userId,
    billedTo: order.userId ? undefined : { name: (order.billingAddress ?? order.shippingAddress)?.name ?? null, email: order.customerEmail },
    kind: 'order',
    orderId: order.id,
    currency: order.currency,
    lines,
    tax: order.taxAmount,
    discountAmount: order.discountAmount,
    dueOn: DateTime.now(),
    notes: `Print order ${order.orderNumber}`,
  }
}

export async function milestoneInvoice(milestone: CustomOrderMilestone, trx: TransactionClientContract): Promise<NewInvoice | null> {
  const customOrder = await CustomOrder.query({ client: trx }).where('id', milestone.customOrderId).firstOrFail()
  return {
    userId: customOrder.userId,
    kind: 'milestone',
    customOrderId: customOrder.id,
    customOrderMilestoneId: milestone.id,
    currency: customOrder.currency,
    lines: [{ description: `${customOrder.title}: milestone ${milestone.position}, ${milestone.title}`, quantity: 1, unitAmount: milestone.amount }],
    tax: 'included',
    dueOn: DateTime.now(),
  }
}
