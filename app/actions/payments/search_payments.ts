import { DateTime } from 'luxon'
import Payment, { type PaymentProvider, type PaymentStatus, type PaymentType } from '#models/payment'
import { sqlTime } from '#support/db/sql_time'

export interface PaymentFilters {
  status?: PaymentStatus
  provider?: PaymentProvider
  type?: PaymentType
  q?: string
  from?: Date
  to?: Date
}

/** Admin → Payments: newest first, by status, gateway, type, family email or reference, created between two days. */
export function paymentsMatching(filters: PaymentFilters) {
  return Payment.query()
    .if(filters.status, (q) => q.where('status', filters.status!))
    .if(filters.provider, (q) => q.where('provider', filters.provider!))
    .if(filters.type, (q) => q.where('payment_type', filters.type!))
    .if(filters.q, (q) => {
      const term = `%${filters.q!.toLowerCase()}%`
      q.where((w) =>
        w
          .whereIn('user_id', (users) => users.from('users').select('id').whereRaw('lower(email) like ?', [term]))
          .orWhereIn('invoice_id', (invoices) => invoices.from('invoices').select('id').whereRaw('lower(number) like ?', [term]))
          .orWhereRaw('lower(provider_payment_id) like ?', [term])
      )
    })
    .if(filters.from, (q) => q.where('created_at', '>=', sqlTime(DateTime.fromJSDate(filters.from!).startOf('day'))))
    .if(filters.to, (q) => q.where('created_at', '<=', sqlTime(DateTime.fromJSDate(filters.to!).endOf('day'))))
    .orderByRaw('coalesce(processed_at, created_at) desc')
    .orderBy('id')
}
