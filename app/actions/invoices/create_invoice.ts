import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invoice, { type InvoiceKind } from '#models/invoice'
import InvoiceItem from '#models/invoice_item'
import StudioSetting from '#models/studio_setting'
import User from '#models/user'
import { sqlTime } from '#support/db/sql_time'
import { nextNumbers } from '#support/next_number'

export interface InvoiceLine {
  description: string
  quantity: number
  /** Cents. With `tax: 'included'`, the price the family pays (tax inside it). */
  unitAmount: number
}

export interface NewInvoice {
  /** Null for a guest's order: `billedTo` then says who pays. */
  userId: string | null
  /** Defaults to the account's name and email. */
  billedTo?: { name: string | null; email: string | null }
  kind: InvoiceKind
  currency: string
  photoSessionId?: string | null
  orderId?: string | null
  customOrderId?: string | null
  customOrderMilestoneId?: string | null
  lines: InvoiceLine[]
  /**
   * `included`: session and commission prices are what the family pays; the studio's tax
   * rate (studio_settings.tax_rate_bps) is shown as the part of each price that is tax.
   * A number: tax already computed elsewhere (a shop order's regional table), added on top.
   */
  tax: 'included' | number
  discountAmount?: number
  dueOn?: DateTime | null
  notes?: string | null
  /** Set (to `Invoice.provisionalNumber()`) when the caller numbers it last with `takeNumber`. */
  number?: string
}

/** The tax inside a tax-inclusive price: 10 800 at 8 % holds 800. */
export function taxInside(grossCents: number, rateBps: number) {
  return grossCents - Math.round((grossCents * 10_000) / (10_000 + rateBps))
}

/**
 * Writes a draft invoice, numbered `INV-2026-000001` by next_number, with its items and
 * totals: subtotal − discount + tax = total, in cents, and who it is billed to, in the
 * caller's transaction.
 */
export default class CreateInvoice {
  static async handle(input: NewInvoice, trx: TransactionClientContract): Promise<Invoice> {
    const [invoice] = await CreateInvoice.many([input], trx)
    return invoice
  }

  /** Many drafts in two INSERTs (invoices, then all their items): a billing run's batch. */
  static async many(inputs: NewInvoice[], trx: TransactionClientContract): Promise<Invoice[]> {
    if (!inputs.length) return []
    const settings = await StudioSetting.current({ client: trx })
    const numbers = await nextNumbers('invoice', inputs.filter((input) => !input.number).length, trx)
    const at = sqlTime()
    const accountIds = [...new Set(inputs.filter((input) => !input.billedTo && input.userId).map((input) => input.userId!))]
    const accounts = new Map((await User.query({ client: trx }).whereIn('id', accountIds)).map((user) => [user.id, user]))
    const invoiceRows: Record<string, unknown>[] = []
    const itemRows: Record<string, unknown>[] = []
    for (const input of inputs) {
      const { lines, subtotal, discountAmount, taxAmount } = priced(input, settings.taxRateBps)
      const draft = new Invoice()
      draft.merge({
        id: randomUUID(),
        number: input.number ?? numbers.shift()!,
        userId: input.userId,
        ...(input.billedTo
          ? { billedToName: input.billedTo.name, billedToEmail: input.billedTo.email }
          : Invoice.billedTo(accounts.get(input.userId ?? '') ?? null)),
        kind: input.kind,
        photoSessionId: input.photoSessionId ?? null,
        orderId: input.orderId ?? null,
        customOrderId: input.customOrderId ?? null,
        customOrderMilestoneId: input.customOrderMilestoneId ?? null,
        status: 'draft',
        subtotal,
        discountAmount,
        taxAmount,
        total: subtotal - discountAmount + taxAmount,
        amountPaid: 0,
        refundedAmount: 0,
        currency: input.currency,
        dueOn: input.dueOn ?? null,
        notes: input.notes ?? null,
      })
      const row = { ...(draft as any).prepareForAdapter(draft.$attributes), created_at: at, updated_at: at }
      invoiceRows.push(row)
      lines.forEach((line, position) =>
        itemRows.push({ id: randomUUID(), invoice_id: row.id, position, description: line.description, quantity: line.quantity, unit_amount: line.unitAmount, created_at: at, updated_at: at })
      )
    }
    for (let start = 0; start < invoiceRows.length; start += 200) await trx.insertQuery().table(Invoice.table).multiInsert(invoiceRows.slice(start, start + 200))
    for (let start = 0; start < itemRows.length; start += 200) await trx.insertQuery().table(InvoiceItem.table).multiInsert(itemRows.slice(start, start + 200))
    return invoiceRows.map((row) => Invoice.$createFromAdapterResult(row, {}, { client: trx })!)
  }
}

/** The lines as billed (tax-inclusive prices split into net and tax) and the totals. */
function priced(input: NewInvoice, taxRateBps: number) {
  let lines = input.lines
  let taxAmount = typeof input.tax === 'number' ? input.tax : 0
  if (input.tax === 'included') {
    lines = input.lines.map((line) => {
      const gross = line.quantity * line.unitAmount
      const tax = taxInside(gross, taxRateBps)
      taxAmount += tax
      // Sessions and milestones bill one of each; a quantity keeps its unit price net of tax.
      return { ...line, quantity: 1, unitAmount: gross - tax, description: line.quantity > 1 ? `${line.description} × ${line.quantity}` : line.description }
    })
  }
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitAmount, 0)
  return { lines, subtotal, discountAmount: input.discountAmount ?? 0, taxAmount }
}
