import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import { DateTime } from 'luxon'
import Order from '#models/order'
import Invoice from '#models/invoice'
import OrderPolicy from '#policies/order_policy'
import { cancellationUrl } from '#controllers/site/shop/order_cancellations_controller'
import { reorderUrl } from '#controllers/site/shop/order_reorders_controller'
import { trackingLinks } from '#shop/tracking_links'
import { invoiceUrl } from '#actions/invoices/send_invoice'

/**
 * One order, for its customer: through the signed link of the confirmation (guests), or
 * signed in as the account that placed it. Anyone else gets a 404.
 */
export default class OrdersController {
  async show({ bouncer, params, request, response, view }: HttpContext) {
    const order = await Order.query().where('id', params.id).preload('items', (q) => q.preload('productVariant').preload('artwork').preload('photo', (photo) => photo.preload('mediaAsset'))).first()
    if (!order) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    await bouncer.with(OrderPolicy).authorize('actAsCustomer', order, request.hasValidSignature('order'))
    response.header('Cache-Control', 'private, no-store')
    const invoice = await Invoice.query().where('order_id', order.id).whereNot('status', 'draft').orderBy('created_at').first()
    return view.render('pages/site/orders/show', {
      order,
      invoice,
      invoiceUrl: invoice && invoiceUrl(invoice),
      cancelUrl: cancellationUrl(order),
      reorderUrl: reorderUrl(order),
      trackingLinks,
      reviewOpen: ['pending', 'paid'].includes(order.status) && !!order.reviewEndsAt && order.reviewEndsAt > DateTime.now(),
    })
  }
}
