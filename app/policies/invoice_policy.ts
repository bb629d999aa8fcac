import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Invoice from '#models/invoice'

/**
 * Invoices: a family sees its own once they are issued (drafts are the studio's), a guest
 * through its signed link; the studio (admins, front desk) sees every one; only admins send
 * and void them.
 */
export default class InvoicePolicy extends BasePolicy {
  view(user: User, invoice: Invoice): AuthorizerResponse {
    if (user.hasRole('admin', 'staff')) return true
    return invoice.userId === user.id && invoice.status !== 'draft'
  }

  /**
   * A shop invoice outside the portal (guests have no account): whoever holds its signed link
   * (`signed`), or its account; anyone else is told it doesn't exist.
   */
  @allowGuest()
  viewAsCustomer(user: User | null, invoice: Invoice, signed: boolean): AuthorizerResponse {
    if (invoice.status !== 'draft' && (signed || (user && invoice.userId === user.id))) return true
    return AuthorizationResponse.deny('We could not find that invoice.', 404)
  }

  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin')
  }
}
