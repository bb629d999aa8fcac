import type { HttpContext } from '@adonisjs/core/http'
import WebhookEvent, { WEBHOOK_EVENT_STATUSES } from '#models/webhook_event'
import PaymentPolicy from '#policies/payment_policy'
import { webhookEventsMatching } from '#actions/payments/search_webhook_events'
import { WEBHOOK_PROVIDERS, webhookEventSearchValidator } from '#validators/webhook_event'
import { findByRouteId } from '#services/http/route_ids'

/** Admin → Webhooks: every gateway event as received, with its status, error and payload. */
export default class WebhookEventsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('view')
    const { page, ...filters } = await webhookEventSearchValidator.validate(ctx.request.qs())
    const events = await webhookEventsMatching(filters).paginate(page ?? 1, 50)
    events.baseUrl(ctx.request.url())
    events.queryString(ctx.request.qs())
    return ctx.view.render('pages/admin/webhooks/index', { events, filters: ctx.request.qs(), providers: WEBHOOK_PROVIDERS, statuses: WEBHOOK_EVENT_STATUSES })
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('view')
    const event = await findByRouteId(WebhookEvent, ctx.params.id)
    return ctx.view.render('pages/admin/webhooks/show', { event, payload: JSON.stringify(event.payload, null, 2) })
  }
}
