import type { HttpContext } from '@adonisjs/core/http'
import WebhookEvent from '#models/webhook_event'
import PaymentPolicy from '#policies/payment_policy'
import ReplayWebhookEvent, { type ReplayWebhookEventResult } from '#actions/payments/replay_webhook_event'
import { findByRouteId } from '#services/http/route_ids'

function refusal(result: Exclude<ReplayWebhookEventResult, { ok: true }>, event: WebhookEvent) {
  switch (result.reason) {
    case 'already_handled':
      return `This event was already ${event.status}: replaying it would change nothing.`
    case 'gateway_unavailable':
      return `The ${event.provider} gateway is not configured here, so this event can't be replayed.`
    case 'unknown_provider':
      return `Events from ${event.provider} can't be replayed.`
  }
}

/** The webhook log's Replay: the stored event through its handling again. */
export default class WebhookEventReplaysController {
  async store(ctx: HttpContext) {
    await ctx.bouncer.with(PaymentPolicy).authorize('replayWebhook')
    const event = await findByRouteId(WebhookEvent, ctx.params.webhook_event_id)
    const result = await ReplayWebhookEvent.handle(ctx.actor, event)
    if (!result.ok) ctx.session.flash('error', refusal(result, event))
    else if (result.event.status === 'failed') ctx.session.flash('error', `Replayed, and it failed again: ${result.event.error}`)
    else ctx.session.flash('success', `Replayed: the event is now ${result.event.status}.`)
    return ctx.response.redirect().status(303).toRoute('admin.webhook_events.show', { id: event.id })
  }
}
