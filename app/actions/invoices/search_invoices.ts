import { DateTime } from 'luxon'
import Invoice, { type InvoiceKind, type InvoiceStatus } from '#models/invoice'
import { sqlTime } from '#support/db/sql_time'

export interface InvoiceFilters {
  status?: InvoiceStatus
  kind?: InvoiceKind
  q?: string
  from?: Date
  to?: Date
}

/** Admin → Invoices: newest first, by status, kind, number or email (billed to, or the family's now), created between two days. */
export function invoicesMatching(filters: InvoiceFilters) {
  return Invoice.query()
    .if(filters.status, (q) => q.where('status', filters.status!))
    .if(filters.kind, (q) => q.where('kind', filters.kind!))
    .if(filters.q, (q) => {
      const term = `%${filters.q!.toLowerCase()}%`
      q.where((w) =>
        w
          .whereRaw('lower(number) like ?', [term])
          .orWhereRaw('lower(billed_to_email) like ?', [term])
          .orWhereIn('user_id', (users) => users.from('users').select('id').whereRaw('lower(email) like ?', [term]))
      )
    })
    .if(filters.from, (q) => q.where('created_at', '>=', sqlTime(DateTime.fromJSDate(filters.from!).startOf('day'))))
    .if(filters.to, (q) => q.where('created_at', '<=', sqlTime(DateTime.fromJSDate(filters.to!).endOf('day'))))
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
}
