import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Invoice from '#models/invoice'

/**
 * Invoices: a family sees its own once they are issued (drafts are the studio's); the
 * studio (admins, front desk) sees every one; only admins send and void them.
 */
export default class InvoicePolicy extends BasePolicy {
  view(user: User, invoice: Invoice): AuthorizerResponse {
    if (user.hasRole('admin', 'staff')) return true
    return invoice.userId === user.id && invoice.status !== 'draft'
  }

  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
